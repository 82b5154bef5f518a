package io.recouvra.receivables;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the open sales invoices owe, summed by currency and expected day ({@code owed_by_expected_day}: the cash
 * forecast of the whole book) and by currency, due date and issue date ({@code owed_by_due_day}: its aged balance). The
 * invoice table's triggers append each change's difference to {@code owed_sales_change} (V43); folding moves them into
 * the sums, and readers add the changes not folded yet. Any node may fold at any time: a change is deleted by the one
 * fold that sees it committed, and a sum's row is locked while it is added to.
 */
@Component
public class OwedSalesByDay {

    /** The sums by expected day with the changes not folded yet, as rows (currency, expected_on, owed). */
    static final String BY_EXPECTED_DAY = """
            select currency, expected_on, owed from recouvra.owed_by_expected_day
            union all
            select currency, expected_on, owed from recouvra.owed_sales_change""";

    /** The sums by due and issue date with the changes not folded yet, as rows (currency, due_date, issue_date, owed). */
    static final String BY_DUE_DAY = """
            select currency, due_date, issue_date, owed from recouvra.owed_by_due_day
            union all
            select currency, due_date, issue_date, owed from recouvra.owed_sales_change""";

    private final JdbcTemplate jdbc;

    OwedSalesByDay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many changes were folded into the sums */
    @Transactional
    public int fold() {
        Integer folded = jdbc.queryForObject("""
                with folded as (delete from recouvra.owed_sales_change returning currency, issue_date, due_date, expected_on, owed),
                by_expected_day as (
                    insert into recouvra.owed_by_expected_day (currency, expected_on, owed)
                    select currency, expected_on, sum(owed) from folded group by currency, expected_on
                    order by currency, expected_on
                    on conflict (currency, expected_on) do update set owed = owed_by_expected_day.owed + excluded.owed),
                by_due_day as (
                    insert into recouvra.owed_by_due_day (currency, due_date, issue_date, owed)
                    select currency, due_date, issue_date, sum(owed) from folded group by currency, due_date, issue_date
                    order by currency, due_date, issue_date
                    on conflict (currency, due_date, issue_date) do update set owed = owed_by_due_day.owed + excluded.owed)
                select count(*)::integer from folded""", Integer.class);
        jdbc.update("delete from recouvra.owed_by_expected_day where owed = 0");
        jdbc.update("delete from recouvra.owed_by_due_day where owed = 0");
        return folded == null ? 0 : folded;
    }
}

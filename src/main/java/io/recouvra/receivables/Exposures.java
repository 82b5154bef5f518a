package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each customer owes, per currency, beside its credit limit: the risk page's rows, largest exposure first, a page
 * at a time (one grouped query: the rows are customers and currencies, never invoices).
 */
@Component
public class Exposures {

    /**
     * A customer's exposure in one currency: what its invoices not closed still owe (late-charge debit notes too, as
     * the credit check at registration counts them), of which past due on the day; its credit limit, when set.
     */
    public record Exposure(UUID customerId, String customerName, String currency, BigDecimal exposure, BigDecimal overdue,
                           BigDecimal creditLimit) {
    }

    private final JdbcTemplate jdbc;

    Exposures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Exposure> largestOn(LocalDate day, Collection<UUID> customers, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(day));
        String ofCustomers = "";
        if (!customers.isEmpty()) {
            ofCustomers = " and i.customer_id = any (?)";
            args.add(customers.toArray(UUID[]::new));
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("""
                        select c.id, c.legal_name, i.currency, sum(i.outstanding), coalesce(sum(i.outstanding) filter (where i.due_date < ?), 0),
                               c.credit_limit
                        from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                        where i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.outstanding > 0""" + ofCustomers + """
                         group by c.id, c.legal_name, i.currency, c.credit_limit
                        order by 4 desc, c.legal_name, c.id, i.currency limit ? offset ?""",
                (rs, n) -> new Exposure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)), args.toArray());
    }
}

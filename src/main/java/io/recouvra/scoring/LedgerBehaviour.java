package io.recouvra.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** How the customer pays, read from Recouvra's own ledger: one query per factor, none per invoice. */
@Component
class LedgerBehaviour {

    private final JdbcTemplate jdbc;

    LedgerBehaviour(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ledger's factors that can be known for this customer today; the others are absent. */
    Map<Factor, Double> of(UUID customerId, LocalDate today) {
        Map<Factor, Double> factors = new EnumMap<>(Factor.class);
        Date since = Date.valueOf(today.minusMonths(24));
        put(factors, Factor.DAYS_LATE, jdbc.queryForObject("""
                select sum(a.amount * greatest(0, p.value_date - i.due_date)) / sum(a.amount)
                from recouvra.payment_allocation a
                join recouvra.payment p on p.id = a.payment_id
                join recouvra.invoice i on i.id = a.invoice_id
                where i.customer_id = ? and p.value_date >= ?""", BigDecimal.class, customerId, since));
        put(factors, Factor.SHARE_LATE, jdbc.queryForObject("""
                select avg(case when paid_on > due_date then 1.0 else 0.0 end) from (
                    select i.due_date, max(p.value_date) as paid_on
                    from recouvra.invoice i
                    join recouvra.payment_allocation a on a.invoice_id = i.id
                    join recouvra.payment p on p.id = a.payment_id
                    where i.customer_id = ? and i.status = 'PAID' and p.value_date >= ?
                    group by i.id, i.due_date) settled""", BigDecimal.class, customerId, since));
        // No disputes means something only for a customer with invoices: a new one has no record yet.
        jdbc.query("""
                select sum(outstanding) filter (where due_date < ? and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF'))
                         / nullif(sum(outstanding) filter (where status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')), 0),
                       count(*) filter (where status = 'DISPUTED'),
                       count(*)
                from recouvra.invoice where customer_id = ? and issue_date >= ?""",
                (RowCallbackHandler) row -> {
                    put(factors, Factor.OVERDUE_SHARE, row.getBigDecimal(1));
                    if (row.getLong(3) > 0) {
                        factors.put(Factor.DISPUTES, (double) row.getLong(2));
                    }
                }, Date.valueOf(today), customerId, since);
        put(factors, Factor.DSO, jdbc.queryForObject("""
                select (select coalesce(sum(outstanding), 0) from recouvra.invoice
                        where customer_id = ? and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF'))
                       * 90 / nullif(sum(amount), 0)
                from recouvra.invoice where customer_id = ? and issue_date >= ?""", BigDecimal.class,
                customerId, customerId, Date.valueOf(today.minusDays(90))));
        // Promises broken in the last twelve months, known only for a customer who made some: one never
        // asked for a promise has kept none and broken none.
        jdbc.query("""
                select count(*) filter (where status = 'BROKEN'), count(*) from recouvra.promise_to_pay
                where customer_id = ? and promised_date >= ?""",
                (RowCallbackHandler) row -> {
                    if (row.getLong(2) > 0) {
                        factors.put(Factor.BROKEN_PROMISES, (double) row.getLong(1));
                    }
                }, customerId, Date.valueOf(today.minusMonths(12)));
        return factors;
    }

    private static void put(Map<Factor, Double> factors, Factor factor, BigDecimal value) {
        if (value != null) {
            factors.put(factor, value.doubleValue());
        }
    }
}

package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each customer owes, per currency, beside its credit limit: the risk page's rows, largest exposure first, a page
 * at a time, read from the exposures kept per customer and currency (rows are customers and currencies, never
 * invoices).
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

    private record CustomerCurrency(UUID customerId, String currency) {
    }

    private final JdbcTemplate jdbc;

    Exposures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The exposures kept per customer and currency ({@code customer_exposure}, V43: the invoice table's triggers keep
     * them as the ledger moves), largest first, a page at a time; then, for the page's customers only, what is overdue
     * on {@code day} (their invoices, by customer).
     */
    @Transactional(readOnly = true)
    public List<Exposure> largestOn(LocalDate day, Collection<UUID> customers, int page, int size) {
        List<Object> args = new ArrayList<>();
        String ofCustomers = "";
        if (!customers.isEmpty()) {
            ofCustomers = " and e.customer_id = any (?)";
            args.add(customers.toArray(UUID[]::new));
        }
        args.add(size);
        args.add((long) page * size);
        List<Exposure> largest = jdbc.query("""
                        select e.customer_id, c.legal_name, e.currency, e.owed, c.credit_limit
                        from recouvra.customer_exposure e join recouvra.customer c on c.id = e.customer_id
                        where e.owed > 0""" + ofCustomers + " order by e.owed desc, c.legal_name, c.id, e.currency limit ? offset ?",
                (rs, n) -> new Exposure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        BigDecimal.ZERO, rs.getBigDecimal(5)), args.toArray());
        Map<CustomerCurrency, BigDecimal> overdue = overdueOn(day, largest.stream().map(Exposure::customerId).distinct().toArray(UUID[]::new));
        return largest.stream().map(e -> new Exposure(e.customerId(), e.customerName(), e.currency(), e.exposure(),
                overdue.getOrDefault(new CustomerCurrency(e.customerId(), e.currency()), BigDecimal.ZERO), e.creditLimit())).toList();
    }

    /** What these customers' invoices not closed owe past their due date on {@code day}, by customer and currency. */
    private Map<CustomerCurrency, BigDecimal> overdueOn(LocalDate day, UUID[] customers) {
        Map<CustomerCurrency, BigDecimal> overdue = new HashMap<>();
        if (customers.length > 0) {
            jdbc.query("""
                    select customer_id, currency, sum(outstanding) from recouvra.invoice
                    where customer_id = any (?) and due_date < ? and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
                    group by customer_id, currency""", rs -> {
                overdue.put(new CustomerCurrency(rs.getObject(1, UUID.class), rs.getString(2)), rs.getBigDecimal(3));
            }, customers, day);
        }
        return overdue;
    }
}

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
 * The ledger's side of the cash forecast and of the figures that need an invoice's currency: grouped queries whose rows
 * are as many as the days (or the invoices asked about), never one per invoice of the book.
 */
@Component
public class CashFigures {

    /** An amount of one currency on one day: expected, or received. */
    public record OnDay(String currency, LocalDate day, BigDecimal amount) {
    }

    /**
     * A customer's observed payment delay: the days its payments were late (negative when early), weighted by the
     * amounts paid, over the allocations whose value date falls in the twelve months before the day asked about.
     */
    static final String PAYMENT_DELAY = """
            select i.customer_id, sum(a.amount * (p.value_date - i.due_date)) / sum(a.amount) as days
            from recouvra.payment_allocation a
            join recouvra.payment p on p.id = a.payment_id
            join recouvra.invoice i on i.id = a.invoice_id
            where i.kind = 'INVOICE' and p.value_date > ? and p.value_date <= ?
            group by i.customer_id""";

    private final JdbcTemplate jdbc;

    CashFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An open sales invoice: what is counted as still owed, and expected. */
    static final String OWED_SALES_INVOICE = "i.kind = 'INVOICE' and i.outstanding > 0 and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')";

    /**
     * What the open sales invoices still owe, summed by currency and the day each is expected: its due date shifted by
     * its customer's payment delay (kept by {@link PaymentDelays}: rounded to the nearest day, halves away from zero; no
     * history, no shift). The invoices named in {@code expectedOtherwise} (under a promise, in a plan) are left out.
     * <p>
     * For the whole book, the sums kept by expected day ({@link OwedSalesByDay}) with the changes not folded yet, less
     * the invoices expected otherwise (read by number): rows as many as the days, whatever the size of the book. For
     * some customers, their invoices (by customer).
     */
    @Transactional(readOnly = true)
    public List<OnDay> owedByExpectedDay(Collection<String> expectedOtherwise, Collection<UUID> customers) {
        String[] numbers = expectedOtherwise.toArray(String[]::new);
        if (!customers.isEmpty()) {
            return jdbc.query("select i.currency, i.expected_on, sum(i.outstanding) from recouvra.invoice i where "
                            + OWED_SALES_INVOICE + " and i.customer_id = any (?) and not (i.number = any (?)) group by 1, 2 order by 1, 2",
                    (rs, n) -> onDay(rs), customers.toArray(UUID[]::new), numbers);
        }
        return jdbc.query("""
                        select currency, expected_on, sum(owed) from (""" + OwedSalesByDay.BY_EXPECTED_DAY + "\n" + """
                            union all
                            select i.currency, i.expected_on, -i.outstanding from recouvra.invoice i
                            where i.number = any (?) and""" + " " + OWED_SALES_INVOICE + """
                        ) owed group by 1, 2 having sum(owed) <> 0 order by 1, 2""",
                (rs, n) -> onDay(rs), (Object) numbers);
    }

    private static OnDay onDay(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OnDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
    }

    /** An open invoice behind a forecast week: what it owes and the day it is expected. */
    public record ExpectedInvoice(String number, UUID customerId, String customerName, String currency, LocalDate dueDate,
                                  LocalDate expectedOn, BigDecimal outstanding) {
    }

    /**
     * The drill-down of {@link #owedByExpectedDay}: the invoices expected from {@code from} to {@code to}, by expected
     * day, a page at a time (index {@code idx_invoice_owed_by_expected_day}, in that order).
     */
    @Transactional(readOnly = true)
    public List<ExpectedInvoice> expectedBetween(LocalDate from, LocalDate to, Collection<String> expectedOtherwise,
                                                 Collection<UUID> customers, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(from, to, expectedOtherwise.toArray(String[]::new)));
        String ofCustomers = ofCustomers("and", "i.customer_id", customers, args);
        args.addAll(List.of(size, (long) page * size));
        return jdbc.query("""
                        select i.number, i.customer_id, c.legal_name, i.currency, i.due_date, i.expected_on, i.outstanding
                        from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                        where i.expected_on between ? and ? and not (i.number = any (?)) and""" + " " + OWED_SALES_INVOICE
                        + ofCustomers + " order by i.expected_on, i.number limit ? offset ?",
                (rs, n) -> new ExpectedInvoice(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7)), args.toArray());
    }

    /** Each customer's payment delay on {@code today}, in days (unrounded), for the customers with a history. */
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> paymentDelays(LocalDate today, Collection<UUID> customers) {
        List<Object> args = new ArrayList<>(List.of(today.minusMonths(12), today));
        String ofCustomers = ofCustomers("where", "customer_id", customers, args);
        Map<UUID, BigDecimal> delays = new HashMap<>();
        jdbc.query("select customer_id, days from (" + PAYMENT_DELAY + ") delay" + ofCustomers,
                rs -> {
                    delays.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                }, args.toArray());
        return delays;
    }

    /** The payments received (by value date) from {@code from} to {@code to}, summed by currency and day. */
    @Transactional(readOnly = true)
    public List<OnDay> receivedBetween(LocalDate from, LocalDate to, Collection<UUID> customers) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        String ofCustomers = ofCustomers("and", "customer_id", customers, args);
        return jdbc.query("select currency, value_date, sum(amount) from recouvra.payment where value_date between ? and ?"
                        + ofCustomers + " group by 1, 2 order by 1, 2",
                (rs, n) -> new OnDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)), args.toArray());
    }

    /** What some invoices still owe, per currency, and how many of them owe something. */
    public record Owed(String currency, long invoices, BigDecimal outstanding) {
    }

    /**
     * What these invoices still owe (paid, cancelled and written-off ones owe nothing), summed by currency; read by
     * primary key.
     */
    @Transactional(readOnly = true)
    public List<Owed> owedOf(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select currency, count(*), sum(outstanding) from recouvra.invoice
                where id = any (?) and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and outstanding > 0
                group by currency order by currency""",
                (rs, n) -> new Owed(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), (Object) invoiceIds.toArray(UUID[]::new));
    }

    /** The currency of each of these invoices, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> currenciesOf(Collection<UUID> invoiceIds) {
        Map<UUID, String> currencies = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            jdbc.query("select id, currency from recouvra.invoice where id = any (?)",
                    rs -> {
                        currencies.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }, (Object) invoiceIds.toArray(UUID[]::new));
        }
        return currencies;
    }

    /** The condition narrowing a query to some customers, its argument added, or nothing when none are given. */
    private static String ofCustomers(String keyword, String column, Collection<UUID> customers, List<Object> args) {
        if (customers.isEmpty()) {
            return "";
        }
        args.add(customers.toArray(UUID[]::new));
        return " " + keyword + " " + column + " = any (?)";
    }
}

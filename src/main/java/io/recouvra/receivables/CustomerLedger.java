package io.recouvra.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger read for other modules that judge how a customer pays (scoring, promises, agency and insurer
 * reports): payments as they were allocated, and the customer's figures, each in one set-based query.
 */
@Component
public class CustomerLedger {

    /** What one payment brought to one invoice: received when, with which value date. */
    public record Allocation(UUID paymentId, String invoiceNumber, LocalDate valueDate, Instant receivedAt, BigDecimal amount,
                             String currency) {
    }

    /** A customer who still owes something, and when its ledger last moved (an invoice, a payment, a credit note). */
    public record Owing(UUID customerId, Instant ledgerMovedAt) {
    }

    /** Invoices issued in a period: the share of what they owe that is overdue, how many are disputed, how many in all. */
    public record Issued(BigDecimal overdueShare, long disputed, long count) {
    }

    /** A payment received from the customer, by value date. */
    public record Received(LocalDate valueDate, String bankReference, BigDecimal amount, String currency) {
    }

    /** A credit note granted to the customer, against one of its invoices. */
    public record Credited(LocalDate issueDate, String number, String invoiceNumber, BigDecimal amount, String currency) {
    }

    private static final String NOT_CLOSED = "status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')";

    private final JdbcTemplate jdbc;

    CustomerLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The allocations to these invoices, oldest value date first. */
    @Transactional(readOnly = true)
    public List<Allocation> allocationsTo(Collection<String> invoiceNumbers) {
        return jdbc.query("""
                select p.id, i.number, p.value_date, p.received_at, a.amount, p.currency
                from recouvra.payment_allocation a join recouvra.payment p on p.id = a.payment_id
                join recouvra.invoice i on i.id = a.invoice_id
                where i.number = any (?) order by p.value_date, p.received_at""",
                (rs, n) -> new Allocation(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getString(6)),
                (Object) invoiceNumbers.toArray(String[]::new));
    }

    /** The customer's payments with a value date on or after {@code since}, oldest first (for its statement). */
    @Transactional(readOnly = true)
    public List<Received> paymentsSince(UUID customerId, LocalDate since) {
        return jdbc.query("""
                select value_date, bank_reference, amount, currency from recouvra.payment
                where customer_id = ? and value_date >= ? order by value_date, received_at""",
                (rs, n) -> new Received(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)),
                customerId, Date.valueOf(since));
    }

    /** The credit notes on the customer's invoices issued on or after {@code since}, oldest first (for its statement). */
    @Transactional(readOnly = true)
    public List<Credited> creditNotesSince(UUID customerId, LocalDate since) {
        return jdbc.query("""
                select c.issue_date, c.number, i.number, c.amount, i.currency
                from recouvra.credit_note c join recouvra.invoice i on i.id = c.invoice_id
                where i.customer_id = ? and c.issue_date >= ? order by c.issue_date, c.number""",
                (rs, n) -> new Credited(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5)),
                customerId, Date.valueOf(since));
    }

    /** What the customer paid in a currency with a value date on or after {@code since}, allocated or not. */
    @Transactional(readOnly = true)
    public BigDecimal paidSince(UUID customerId, String currency, LocalDate since) {
        return jdbc.queryForObject("""
                select coalesce(sum(amount), 0) from recouvra.payment
                where customer_id = ? and currency = ? and value_date >= ?""", BigDecimal.class, customerId, currency, since);
    }

    /** Days after the due date the customer paid, on average weighted by amount, for payments since {@code since}; null if none. */
    @Transactional(readOnly = true)
    public BigDecimal daysLate(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("""
                select sum(a.amount * greatest(0, p.value_date - i.due_date)) / sum(a.amount)
                from recouvra.payment_allocation a
                join recouvra.payment p on p.id = a.payment_id
                join recouvra.invoice i on i.id = a.invoice_id
                where i.customer_id = ? and p.value_date >= ?""", BigDecimal.class, customerId, Date.valueOf(since));
    }

    /** The share of the invoices settled since {@code since} whose last payment came after their due date; null if none. */
    @Transactional(readOnly = true)
    public BigDecimal shareSettledLate(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("""
                select avg(case when paid_on > due_date then 1.0 else 0.0 end) from (
                    select i.due_date, max(p.value_date) as paid_on
                    from recouvra.invoice i
                    join recouvra.payment_allocation a on a.invoice_id = i.id
                    join recouvra.payment p on p.id = a.payment_id
                    where i.customer_id = ? and i.status = 'PAID' and p.value_date >= ?
                    group by i.id, i.due_date) settled""", BigDecimal.class, customerId, Date.valueOf(since));
    }

    /** The customer's invoices issued since {@code since}, seen on {@code today}. */
    @Transactional(readOnly = true)
    public Issued issuedSince(UUID customerId, LocalDate since, LocalDate today) {
        return jdbc.queryForObject("""
                select sum(outstanding) filter (where due_date < ? and %1$s)
                         / nullif(sum(outstanding) filter (where %1$s), 0),
                       count(*) filter (where status = 'DISPUTED'),
                       count(*)
                from recouvra.invoice where customer_id = ? and issue_date >= ?""".formatted(NOT_CLOSED),
                (rs, n) -> new Issued(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3)),
                Date.valueOf(today), customerId, Date.valueOf(since));
    }

    /**
     * Days sales outstanding over the {@code days} before {@code today}: what the customer owes now against what it was
     * invoiced in those days; null if it was invoiced nothing.
     */
    @Transactional(readOnly = true)
    public BigDecimal daysSalesOutstanding(UUID customerId, LocalDate today, int days) {
        return jdbc.queryForObject("""
                select (select coalesce(sum(outstanding), 0) from recouvra.invoice where customer_id = ? and %s)
                       * ? / nullif(sum(amount), 0)
                from recouvra.invoice where customer_id = ? and issue_date >= ?""".formatted(NOT_CLOSED), BigDecimal.class,
                customerId, days, customerId, Date.valueOf(today.minusDays(days)));
    }

    /**
     * A page of the customers who owe something, in id order after {@code after} (keyset: PostgreSQL's uuid order,
     * compared in SQL only), each with the last time its ledger moved.
     */
    @Transactional(readOnly = true)
    public List<Owing> owing(UUID after, int limit) {
        return jdbc.query("""
                select c.id, greatest(
                         (select max(i.created_at) from recouvra.invoice i where i.customer_id = c.id),
                         (select max(p.received_at) from recouvra.payment p where p.customer_id = c.id),
                         (select max(n.created_at) from recouvra.credit_note n join recouvra.invoice i on i.id = n.invoice_id
                          where i.customer_id = c.id)) as moved_at
                from recouvra.customer c
                where c.id > ?
                  and exists (select 1 from recouvra.invoice i where i.customer_id = c.id and i.%s)
                order by c.id
                limit ?""".formatted(NOT_CLOSED), (rs, n) -> new Owing(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2))),
                after, limit);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

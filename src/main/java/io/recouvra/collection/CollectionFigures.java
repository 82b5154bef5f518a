package io.recouvra.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dashboard reads of collection's tables (promises, payment plans, disputes): each answer is one grouped
 * query whose rows are as many as the groups, never one per promise, plan or dispute. Every read takes the customers
 * to report on; none given means the whole book.
 */
@Component
public class CollectionFigures {

    /** The promises of one currency and status falling due (their promised date) in a period. */
    public record PromiseTally(String currency, String status, long count, BigDecimal amount) {
    }

    /** The accepted payment plans of one currency and status (ACTIVE, COMPLETED or BROKEN). */
    public record PlanTally(String currency, String status, long count, BigDecimal total) {
    }

    /**
     * The disputes of one reason and root cause raised on one day (in the business time zone) and resolved on one day
     * (empty while open).
     */
    public record DisputeTally(String reason, String rootCause, LocalDate raisedOn, LocalDate resolvedOn, long count) {
    }

    /** A credit granted to settle a dispute, on its invoice. */
    public record DisputeCredit(UUID invoiceId, BigDecimal credited) {
    }

    /** What a promise or a plan's instalment expects to receive on a day. */
    public record ExpectedReceipt(String currency, LocalDate day, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final DisputePolicy disputePolicy;

    CollectionFigures(JdbcTemplate jdbc, @Value("${recouvra.zone}") ZoneId zone, DisputePolicy disputePolicy) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.disputePolicy = disputePolicy;
    }

    /** The business days a dispute of this reason may wait for its review: the DisputePolicy table's service level. */
    public int disputeReviewBusinessDays(String reason) {
        return disputePolicy.decide(reason).reviewBusinessDays();
    }

    /** The promises whose promised date falls from {@code from} to {@code to}, summed by currency and status. */
    @Transactional(readOnly = true)
    public List<PromiseTally> promisesDue(LocalDate from, LocalDate to, Collection<UUID> customers) {
        Query query = new Query("""
                select currency, status, count(*), sum(amount) from recouvra.promise_to_pay
                where promised_date between ? and ?""", from, to).ofCustomers("customer_id", customers);
        return jdbc.query(query.sql + " group by currency, status order by currency, status",
                (rs, n) -> new PromiseTally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)), query.args());
    }

    /**
     * The payment plans that ended kept (COMPLETED) or broken (BROKEN) from {@code from} to {@code to}, and those
     * running now (ACTIVE), summed by currency and status.
     */
    @Transactional(readOnly = true)
    public List<PlanTally> plans(LocalDate from, LocalDate to, Collection<UUID> customers) {
        Query query = new Query("""
                select currency, status, count(*), sum(total) from recouvra.payment_plan
                where (status = 'ACTIVE' or (status in ('COMPLETED', 'BROKEN') and ended_at >= ? and ended_at < ?))""",
                startOf(from), startOf(to.plusDays(1))).ofCustomers("customer_id", customers);
        return jdbc.query(query.sql + " group by currency, status order by currency, status",
                (rs, n) -> new PlanTally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)), query.args());
    }

    /**
     * The disputes open now or resolved from {@code from} to {@code to}, counted by reason, root cause, the day raised
     * and the day resolved.
     */
    @Transactional(readOnly = true)
    public List<DisputeTally> disputes(LocalDate from, LocalDate to, Collection<UUID> customers) {
        Query query = new Query("""
                select reason, root_cause, (raised_at at time zone ?)::date, (resolved_at at time zone ?)::date, count(*)
                from recouvra.dispute where (resolved_at is null or (resolved_at >= ? and resolved_at < ?))""",
                zone.getId(), zone.getId(), startOf(from), startOf(to.plusDays(1))).ofCustomers("customer_id", customers);
        return jdbc.query(query.sql + " group by 1, 2, 3, 4 order by 1, 2, 3, 4",
                (rs, n) -> new DisputeTally(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getLong(5)), query.args());
    }

    /** The credits granted on the disputes resolved from {@code from} to {@code to}, summed by invoice. */
    @Transactional(readOnly = true)
    public List<DisputeCredit> disputeCredits(LocalDate from, LocalDate to, Collection<UUID> customers) {
        Query query = new Query("""
                select invoice_id, sum(credited) from recouvra.dispute
                where credited > 0 and resolved_at >= ? and resolved_at < ?""", startOf(from), startOf(to.plusDays(1)))
                .ofCustomers("customer_id", customers);
        return jdbc.query(query.sql + " group by invoice_id",
                (rs, n) -> new DisputeCredit(rs.getObject(1, UUID.class), rs.getBigDecimal(2)), query.args());
    }

    /** The invoices under a dispute not resolved yet, each once (an invoice disputed twice is one invoice). */
    @Transactional(readOnly = true)
    public List<UUID> invoicesInOpenDispute(Collection<UUID> customers) {
        Query query = new Query("select distinct invoice_id from recouvra.dispute where resolved_at is null")
                .ofCustomers("customer_id", customers);
        return jdbc.query(query.sql, (rs, n) -> rs.getObject(1, UUID.class), query.args());
    }

    /**
     * What the open promises and the running plans' instalments expect from {@code from} on, summed by currency and
     * day: a promise on its promised date, an instalment on its due date.
     */
    @Transactional(readOnly = true)
    public List<ExpectedReceipt> expectedFrom(LocalDate from, Collection<UUID> customers) {
        Query promises = new Query("""
                select currency, promised_date as day, amount from recouvra.promise_to_pay
                where status = 'OPEN' and promised_date >= ?""", from).ofCustomers("customer_id", customers);
        Query instalments = new Query("""
                select p.currency, i.due_date as day, i.amount from recouvra.payment_plan_instalment i
                join recouvra.payment_plan p on p.id = i.plan_id
                where p.status = 'ACTIVE' and i.due_date >= ?""", from).ofCustomers("p.customer_id", customers);
        List<Object> args = new ArrayList<>(promises.args);
        args.addAll(instalments.args);
        return jdbc.query("select currency, day, sum(amount) from (" + promises.sql + " union all " + instalments.sql
                        + ") expected group by currency, day order by currency, day",
                (rs, n) -> new ExpectedReceipt(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)),
                args.toArray());
    }

    /**
     * The invoices a forecast expects through a promise or a plan rather than on their due date: those of the open
     * promises and of the running plans.
     */
    @Transactional(readOnly = true)
    public List<String> invoicesPromisedOrInPlan(Collection<UUID> customers) {
        Query promised = new Query("""
                select pi.invoice_number from recouvra.promise_to_pay_invoice pi
                join recouvra.promise_to_pay p on p.id = pi.promise_id where p.status = 'OPEN'""")
                .ofCustomers("p.customer_id", customers);
        Query planned = new Query("""
                select pi.invoice_number from recouvra.payment_plan_invoice pi
                join recouvra.payment_plan p on p.id = pi.plan_id where p.status = 'ACTIVE'""")
                .ofCustomers("p.customer_id", customers);
        List<Object> args = new ArrayList<>(promised.args);
        args.addAll(planned.args);
        return jdbc.queryForList(promised.sql + " union " + planned.sql, String.class, args.toArray());
    }

    /** A promise behind the promise figures: its customer, date, amount and status. */
    public record PromiseLine(UUID id, UUID customerId, LocalDate promisedDate, BigDecimal amount, String currency, String status) {
    }

    /** A dispute behind the dispute figures. */
    public record DisputeLine(UUID id, UUID customerId, UUID invoiceId, String reason, String rootCause, LocalDate raisedOn,
                              LocalDate resolvedOn, BigDecimal credited) {
    }

    /** The drill-down of {@link #promisesDue}: those promises, by promised date, a page at a time. */
    @Transactional(readOnly = true)
    public List<PromiseLine> promisesDueList(LocalDate from, LocalDate to, Collection<UUID> customers, int page, int size) {
        Query query = new Query("""
                select id, customer_id, promised_date, amount, currency, status from recouvra.promise_to_pay
                where promised_date between ? and ?""", from, to).ofCustomers("customer_id", customers);
        query.args.add(size);
        query.args.add((long) page * size);
        return jdbc.query(query.sql + " order by promised_date, id limit ? offset ?",
                (rs, n) -> new PromiseLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5), rs.getString(6)), query.args());
    }

    /** The drill-down of {@link #disputes}: those disputes, open ones first, then by day raised, a page at a time. */
    @Transactional(readOnly = true)
    public List<DisputeLine> disputesList(LocalDate from, LocalDate to, Collection<UUID> customers, int page, int size) {
        Query query = new Query("""
                select id, customer_id, invoice_id, reason, root_cause, (raised_at at time zone ?)::date,
                       (resolved_at at time zone ?)::date, credited
                from recouvra.dispute where (resolved_at is null or (resolved_at >= ? and resolved_at < ?))""",
                zone.getId(), zone.getId(), startOf(from), startOf(to.plusDays(1))).ofCustomers("customer_id", customers);
        query.args.add(size);
        query.args.add((long) page * size);
        return jdbc.query(query.sql + " order by resolved_at nulls first, raised_at, id limit ? offset ?",
                (rs, n) -> new DisputeLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getBigDecimal(8)), query.args());
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** A query's text and arguments, narrowed to some customers when any are given. */
    private static final class Query {
        private String sql;
        private final List<Object> args;

        Query(String sql, Object... args) {
            this.sql = sql;
            this.args = new ArrayList<>(List.of(args));
        }

        Query ofCustomers(String column, Collection<UUID> customers) {
            if (!customers.isEmpty()) {
                sql = sql + " and " + column + " = any (?)";
                args.add(customers.toArray(UUID[]::new));
            }
            return this;
        }

        Object[] args() {
            return args.toArray();
        }
    }
}

package io.recouvra.collection;

import io.recouvra.trail.Actors;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each call a collector made, with who made it and what came of it (table {@code call_attempt}), and what the team's
 * page reads of them: calls by outcome, promises obtained and kept, per collector, and the call tasks past their due
 * date. A collector is the engine's user who completed the call task.
 */
@Component
public class CallAttempts {

    /** The outcomes of a call that reached the debtor (or someone answering for the debtor). */
    static final Set<String> REACHED = Set.of("PROMISE_TO_PAY", "PAYMENT_PLAN_REQUESTED", "DISPUTE", "ALREADY_PAID");

    /** The calls one collector made with one outcome in a period; the collector is empty when nobody was logged in. */
    public record CallTally(String collector, String outcome, long count) {
    }

    /** The promises one collector obtained in a period, by their status now (OPEN, KEPT, BROKEN). */
    public record PromiseTally(String collector, String status, long count) {
    }

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final ZoneId zone;
    private final Clock clock;

    CallAttempts(JdbcTemplate jdbc, TaskService tasks, @Value("${recouvra.zone}") ZoneId zone, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.zone = zone;
        this.clock = clock;
    }

    /** The call just recorded, by whoever completed the task. */
    void record(UUID callId, UUID customerId, String outcome, UUID promiseId) {
        jdbc.update("""
                insert into recouvra.call_attempt (id, call_id, customer_id, collector, outcome, promise_id, made_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), callId, customerId, Actors.current(), outcome, promiseId,
                Timestamp.from(clock.instant()));
    }

    /** The calls made from {@code from} to {@code to} (days in the business time zone), by collector and outcome. */
    @Transactional(readOnly = true)
    public List<CallTally> calls(LocalDate from, LocalDate to, String collector) {
        List<Object> args = new ArrayList<>(List.of(startOf(from), startOf(to.plusDays(1))));
        String sql = "select coalesce(collector, ''), outcome, count(*) from recouvra.call_attempt where made_at >= ? and made_at < ?"
                + ofCollector(collector, args) + " group by 1, 2 order by 1, 2";
        return jdbc.query(sql, (rs, n) -> new CallTally(rs.getString(1), rs.getString(2), rs.getLong(3)), args.toArray());
    }

    /** The promises obtained by calls made from {@code from} to {@code to}, by collector and their status now. */
    @Transactional(readOnly = true)
    public List<PromiseTally> promises(LocalDate from, LocalDate to, String collector) {
        List<Object> args = new ArrayList<>(List.of(startOf(from), startOf(to.plusDays(1))));
        String sql = """
                select coalesce(a.collector, ''), p.status, count(*) from recouvra.call_attempt a
                join recouvra.promise_to_pay p on p.id = a.promise_id where a.made_at >= ? and a.made_at < ?"""
                + ofCollector(collector, args).replace("collector", "a.collector") + " group by 1, 2 order by 1, 2";
        return jdbc.query(sql, (rs, n) -> new PromiseTally(rs.getString(1), rs.getString(2), rs.getLong(3)), args.toArray());
    }

    /** The open call tasks assigned to this collector (null: assigned to nobody) whose due date has passed. */
    @Transactional(readOnly = true)
    public long overdueCallTasks(String collector) {
        TaskQuery query = tasks.createTaskQuery().processDefinitionKey(CollectorCallContract.PROCESS_KEY)
                .dueBefore(Date.from(clock.instant()));
        return (collector == null ? query.taskUnassigned() : query.taskAssignee(collector)).count();
    }

    /** A call as the team page's drill-down lists it. */
    public record CallLine(UUID id, UUID customerId, String collector, String outcome, Instant madeAt) {
    }

    /** The calls one collector made from {@code from} to {@code to}, the latest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<CallLine> callsList(LocalDate from, LocalDate to, String collector, int page, int size) {
        return jdbc.query("""
                select id, customer_id, collector, outcome, made_at from recouvra.call_attempt
                where made_at >= ? and made_at < ? and collector = ? order by made_at desc, id limit ? offset ?""",
                (rs, n) -> new CallLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                startOf(from), startOf(to.plusDays(1)), collector, size, (long) page * size);
    }

    private static String ofCollector(String collector, List<Object> args) {
        if (collector == null) {
            return "";
        }
        args.add(collector);
        return " and collector = ?";
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}

package io.recouvra.insurance;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.trail.Actors;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insolvency proceedings the insurer's API could not take twice (when they were recorded, then when the declaration of
 * claims was prepared) would otherwise rest on a trail entry nobody is made to read, while the policy's notice period
 * runs. The credit managers get one standalone Tasklist task, in the team's language ({@link TeamLanguage}, texts in
 * {@code tasklist/messages*.properties}), with the customer, the proceedings and the policy; completing it records the
 * notice as told by hand, so the insurer is not tried again and no second task is raised. An integrator or a credit
 * manager outside Tasklist records the same through the API ({@link #record}), which completes the task if open.
 */
@Component
class InsolvencyNoticeByHand {

    /**
     * Standalone tasks have no model whose listener could record the completion: the task id says what it is about
     * (with the customer's id and the judgment day, 62 characters: Camunda's ids are at most 64).
     */
    static final String TASK_PREFIX = "insurer-notice-";
    /** The tries after which a person is asked: the recording's, then the declaration's. */
    static final int TRIES = 2;

    private final TaskService tasks;
    private final IdentityService identity;
    private final CustomerService customers;
    private final InteractionLog interactions;
    private final JdbcTemplate jdbc;
    private final MessageSource texts;
    private final TeamLanguage language;
    private final Clock clock;

    InsolvencyNoticeByHand(TaskService tasks, IdentityService identity, CustomerService customers, InteractionLog interactions,
                           JdbcTemplate jdbc, MessageSource texts, TeamLanguage language, Clock clock) {
        this.tasks = tasks;
        this.identity = identity;
        this.customers = customers;
        this.interactions = interactions;
        this.jdbc = jdbc;
        this.texts = texts;
        this.language = language;
        this.clock = clock;
    }

    static String taskId(UUID customerId, LocalDate judgmentDate) {
        return TASK_PREFIX + customerId + "-" + judgmentDate;
    }

    /** In the transaction that counted the failure; raises the task once, when the tries are used up. */
    void failed(UUID customerId, InsolvencyNotice notice, InsurancePolicy policy, int failures, String error) {
        String taskId = taskId(customerId, notice.judgmentDate());
        if (failures < TRIES || tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        String customer = customers.get(customerId).getLegalName();
        String judged = notice.judgmentDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
        String kind = texts.getMessage("insurerInsolvency.kind." + notice.kind(), null, notice.kind(), language.locale());
        String court = notice.court() == null || notice.court().isBlank() ? say("insurerInsolvency.noCourt") : notice.court();
        Task task = tasks.newTask(taskId);
        task.setName(say("insurerInsolvency.task.name", customer));
        // a pattern has at most three arguments (UndeliveredCauseTextsTest): the description is said in parts
        task.setDescription(String.join(" ", say("insurerInsolvency.task.intro", policy.insurer(), customer),
                say("insurerInsolvency.task.proceedings", kind, judged, court), say("insurerInsolvency.task.policy", policy.policyNumber()),
                say("insurerInsolvency.task.error", error == null ? "" : error)));
        // the policy's notice period runs: above the collectors' routine tasks
        task.setPriority(70);
        tasks.saveTask(task);
        tasks.addCandidateGroup(taskId, RecouvraGroups.CREDIT_MANAGERS);
        tasks.setVariablesLocal(taskId, Map.of("customerName", customer, "customerId", customerId.toString(),
                "judgmentDate", notice.judgmentDate().toString(), "policyNumber", policy.policyNumber()));
    }

    /**
     * The task completed (Camunda's history event, published to Spring in the engine's transaction): the notice is
     * told, by hand, by whoever completed it. Deleting the task is not telling the insurer.
     */
    @EventListener(condition = "#event.taskId != null && #event.taskId.startsWith('" + TASK_PREFIX + "')")
    void completed(HistoricTaskInstanceEventEntity event) {
        if (!HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(event.getEventType())
                || !"completed".equals(event.getDeleteReason())) {
            return;
        }
        String about = event.getTaskId().substring(TASK_PREFIX.length());
        UUID customerId = UUID.fromString(about.substring(0, 36));
        LocalDate judgmentDate = LocalDate.parse(about.substring(37));
        Authentication who = identity.getCurrentAuthentication();
        String by = who != null && who.getUserId() != null ? who.getUserId()
                : event.getAssignee() != null ? event.getAssignee() : "Tasklist";
        int recorded = jdbc.update("""
                update recouvra.insurer_insolvency_notice set told_at = ?, told_by_hand_by = ?
                where customer_id = ? and judgment_date = ? and told_at is null""",
                Timestamp.from(clock.instant()), by, customerId, judgmentDate);
        if (recorded > 0) {
            interactions.record(customerId, null, Medium.SYSTEM, Direction.OUTBOUND, Type.NOTE, "Insurer told by hand by " + by
                    + " of the insolvency proceedings opened by the judgment of " + judgmentDate, null);
        }
    }

    /**
     * The insurer's notice of a buyer's insolvency proceedings, as the API shows it.
     *
     * @param toldAt       when the insurer was told (through its API or by hand); null: not yet
     * @param toldByHandBy who told it by hand; null when its API took the notice or nobody has told it yet
     * @param failures     the tries of its API that failed
     */
    record Notice(UUID customerId, LocalDate judgmentDate, String kind, Instant toldAt, String toldByHandBy, int failures,
                  String lastFailure) {
    }

    /**
     * Records that a person told the insurer of the proceedings opened by that judgment, outside Recouvra (the
     * insurer's portal, a letter): the insurer is then never asked again, and the Tasklist task, if open, is completed.
     *
     * @param toldBy who told it; blank: whoever calls
     * @throws NotFoundException     no notice to the insurer is due for that buyer and judgment
     * @throws InvalidInputException naming {@code toldAt} (required, not in the future, not before the judgment day) or
     *                               {@code toldBy} (at most 200 characters)
     * @throws ConflictException     the insurer was already told, through its API or by hand
     */
    @Transactional
    Notice record(UUID customerId, LocalDate judgmentDate, Instant toldAt, String toldBy) {
        customers.get(customerId);
        Notice notice = jdbc.query("""
                select customer_id, judgment_date, kind, told_at, told_by_hand_by, failures, last_failure
                from recouvra.insurer_insolvency_notice where customer_id = ? and judgment_date = ? for update""",
                (rs, row) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6),
                        rs.getString(7)), customerId, judgmentDate).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No notice to the credit insurer of insolvency proceedings opened by the"
                        + " judgment of " + judgmentDate + " is due for customer " + customerId));
        List<FieldProblem> problems = new ArrayList<>();
        if (toldAt == null) {
            problems.add(new FieldProblem("toldAt", "is required: when the insurer was told"));
        } else if (toldAt.isAfter(clock.instant())) {
            problems.add(new FieldProblem("toldAt", "must not be in the future: record the notice once given"));
        } else if (toldAt.atZone(clock.getZone()).toLocalDate().isBefore(judgmentDate)) {
            problems.add(new FieldProblem("toldAt", "must not be before the judgment of " + judgmentDate));
        }
        String by = toldBy == null || toldBy.isBlank() ? Actors.current() : toldBy.strip();
        if (by != null && by.length() > 200) {
            problems.add(new FieldProblem("toldBy", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (notice.toldAt() != null) {
            throw new ConflictException("judgmentDate", "the insurer was already told of these proceedings on " + notice.toldAt()
                    + (notice.toldByHandBy() == null ? ", through its API" : ", by hand by " + notice.toldByHandBy()));
        }
        String recordedBy = by == null ? "the API" : by;
        jdbc.update("""
                update recouvra.insurer_insolvency_notice set told_at = ?, told_by_hand_by = ?
                where customer_id = ? and judgment_date = ?""", Timestamp.from(toldAt), recordedBy, customerId, judgmentDate);
        interactions.record(customerId, null, Medium.SYSTEM, Direction.OUTBOUND, Type.NOTE, "Insurer told by hand by " + recordedBy
                + " on " + toldAt.atZone(clock.getZone()).toLocalDate() + " of the insolvency proceedings opened by the judgment of "
                + judgmentDate, null);
        // told already: its completion records nothing more (the update above left no notice untold)
        String taskId = taskId(customerId, judgmentDate);
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
            tasks.complete(taskId);
        }
        return new Notice(customerId, judgmentDate, notice.kind(), toldAt, recordedBy, notice.failures(), notice.lastFailure());
    }

    private String say(String key, Object... arguments) {
        return texts.getMessage(key, arguments, language.locale());
    }
}

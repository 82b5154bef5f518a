package io.recouvra.insurance;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

/**
 * Insolvency proceedings the insurer's API could not take twice (when they were recorded, then when the declaration of
 * claims was prepared) would otherwise rest on a trail entry nobody is made to read, while the policy's notice period
 * runs. The credit managers get one standalone Tasklist task, in the team's language ({@link TeamLanguage}, texts in
 * {@code tasklist/messages*.properties}), with the customer, the proceedings and the policy; completing it records the
 * notice as told by hand, so the insurer is not tried again and no second task is raised.
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

    private String say(String key, Object... arguments) {
        return texts.getMessage(key, arguments, language.locale());
    }
}

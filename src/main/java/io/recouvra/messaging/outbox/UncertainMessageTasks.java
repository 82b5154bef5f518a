package io.recouvra.messaging.outbox;

import io.recouvra.receivables.CustomerService;
import io.recouvra.web.InvalidInputException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * A send still uncertain after a day of rechecks becomes a task for a person (uncertain-message-check.bpmn):
 * what is known about it, and three answers — it was delivered, send it again, give it up.
 */
@Configuration(proxyBeanMethods = false)
class UncertainMessageTasks {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final RuntimeService runtime;
    private final CustomerService customers;
    private final ZoneId zone;

    UncertainMessageTasks(RuntimeService runtime, CustomerService customers, @Value("${recouvra.zone}") ZoneId zone) {
        this.runtime = runtime;
        this.customers = customers;
        this.zone = zone;
    }

    void raise(OutboxMessage row) {
        Map<String, Object> known = new HashMap<>();
        known.put(UncertainMessageCheckContract.OUTBOX_MESSAGE_ID, row.getId().toString());
        known.put("invoiceNumber", row.getCaseRef());
        known.put("customerName", customers.get(row.getCustomerId()).getLegalName());
        known.put("channel", row.getChannel().name());
        known.put("messageKind", row.getKind().name() + " (" + row.getStep() + ")");
        known.put("recipient", String.valueOf(row.getRecipient()));
        known.put("uncertainSince", row.getUncertainSince() == null ? "?" : WHEN.format(row.getUncertainSince().atZone(zone)));
        known.put("providerAnswer", String.valueOf(row.getLastError()));
        known.put("providerId", row.getProviderId() == null ? "aucun (inconnu)" : row.getProviderId());
        runtime.startProcessInstanceByKey(UncertainMessageCheckContract.PROCESS_KEY, row.getCaseRef(), known);
    }

    /** Decided through the API: the task is no longer needed. */
    void decidedElsewhere(OutboxMessage row) {
        runtime.createMessageCorrelation(UncertainMessageCheckContract.MESSAGE_DECIDED)
                .processInstanceVariableEquals(UncertainMessageCheckContract.OUTBOX_MESSAGE_ID, row.getId().toString())
                .correlateAllWithResult();
    }

    /** The task's answer, as it is completed in Tasklist. */
    @Bean
    TaskListener resolveUncertainMessage(@Lazy UncertainMessages uncertain) {
        return task -> {
            Object outcome = task.getVariable("uncertainOutcome");
            UncertainMessages.Outcome decided;
            try {
                decided = UncertainMessages.Outcome.valueOf(String.valueOf(outcome));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("uncertainOutcome",
                        "is DELIVERED, RESEND or GIVE_UP: " + outcome);
            }
            Object providerId = task.getVariable("confirmedProviderId");
            String who = task.getAssignee() == null ? "Tasklist" : task.getAssignee();
            uncertain.resolveFromTask(UUID.fromString((String) task.getVariable("outboxMessageId")), decided,
                    providerId == null ? null : providerId.toString(), who);
        };
    }
}

package io.recouvra.scoring;

import io.recouvra.messaging.Interaction;
import io.recouvra.messaging.InteractionLog;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.security.RecouvraGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs that a customer's risk got worse: a new score a risk class or more below the previous one, the
 * bureau's score falling by {@link #BUREAU_DOWNGRADE} points, or an invoice that takes the customer
 * over its credit limit.
 * Each sign goes on the customer's record, and the credit managers get one review task per customer
 * (not one per night) until they close it.
 */
@Component
class EarlyWarnings {

    static final int BUREAU_DOWNGRADE = 15;

    private final TaskService tasks;
    private final InteractionLog interactions;

    EarlyWarnings(TaskService tasks, InteractionLog interactions) {
        this.tasks = tasks;
        this.interactions = interactions;
    }

    /** @return the signs found (empty: nothing to say) */
    List<String> compare(Optional<CreditScore> previous, CreditScore current, String customerName) {
        if (previous.isEmpty()) {
            return List.of();
        }
        List<String> signs = new ArrayList<>();
        CreditScore before = previous.get();
        if (current.getRiskClass().compareTo(before.getRiskClass()) > 0) {
            signs.add("risk class " + before.getRiskClass() + " → " + current.getRiskClass()
                    + " (score " + before.getScore() + " → " + current.getScore() + ")");
        }
        Double bureauBefore = bureauScore(before);
        Double bureauNow = bureauScore(current);
        if (bureauBefore != null && bureauNow != null && bureauBefore - bureauNow >= BUREAU_DOWNGRADE) {
            signs.add("bureau score " + bureauBefore.intValue() + " → " + bureauNow.intValue());
        }
        if (!signs.isEmpty()) {
            warn(current.getCustomerId(), customerName, String.join("; ", signs), "score-" + current.getId());
        }
        return signs;
    }

    /** An invoice took the customer over its credit limit. */
    @EventListener
    void exposureOverLimit(InvoiceRegistered invoice) {
        if (invoice.overCreditLimit()) {
            warn(invoice.customerId(), invoice.customerName(), "owes " + invoice.exposure().toPlainString() + " "
                    + invoice.currency() + " with invoice " + invoice.number() + ", over its credit limit of "
                    + invoice.creditLimit().toPlainString(), "invoice-" + invoice.invoiceId());
        }
    }

    private void warn(UUID customerId, String customerName, String signs, String occasion) {
        interactions.record(customerId, null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL,
                Interaction.Type.NOTE, "Early warning: " + signs, null);
        boolean alreadyOpen = tasks.createTaskQuery().taskCandidateGroup(RecouvraGroups.CREDIT_MANAGERS)
                .taskVariableValueEquals("customerId", customerId.toString()).count() > 0;
        if (alreadyOpen) {
            return;
        }
        Task task = tasks.newTask("early-warning-" + occasion);
        task.setName("Review credit: " + customerName);
        task.setDescription("Early warning: " + signs + ". Review the customer's limit, terms and guarantees.");
        task.setPriority(70);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), RecouvraGroups.CREDIT_MANAGERS);
        tasks.setVariablesLocal(task.getId(), Map.of("customerId", customerId.toString(), "customerName", customerName));
    }

    private static Double bureauScore(CreditScore score) {
        return score.getFactors().stream().filter(f -> f.factor() == Factor.BUREAU_SCORE)
                .map(Scorecard.Contribution::value).findFirst().orElse(null);
    }
}

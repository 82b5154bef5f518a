package io.recouvra.scoring;

import io.recouvra.messaging.Interaction;
import io.recouvra.messaging.InteractionLog;
import io.recouvra.security.RecouvraGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Signs that a customer's risk got worse, read by comparing a new score with the previous one: a
 * drop of one risk class or more, or the bureau's score falling by {@link #BUREAU_DOWNGRADE} points.
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
            warn(current, customerName, String.join("; ", signs));
        }
        return signs;
    }

    private void warn(CreditScore current, String customerName, String signs) {
        interactions.record(current.getCustomerId(), null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL,
                Interaction.Type.NOTE, "Early warning: " + signs, null);
        boolean alreadyOpen = tasks.createTaskQuery().taskCandidateGroup(RecouvraGroups.CREDIT_MANAGERS)
                .taskVariableValueEquals("customerId", current.getCustomerId().toString()).count() > 0;
        if (alreadyOpen) {
            return;
        }
        Task task = tasks.newTask("early-warning-" + current.getId());
        task.setName("Review credit: " + customerName);
        task.setDescription("Early warning: " + signs + ". Review the customer's limit, terms and guarantees.");
        task.setPriority(70);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), RecouvraGroups.CREDIT_MANAGERS);
        tasks.setVariablesLocal(task.getId(), Map.of("customerId", current.getCustomerId().toString(),
                "customerName", customerName, "riskClass", current.getRiskClass().name(), "score", current.getScore()));
    }

    private static Double bureauScore(CreditScore score) {
        return score.getFactors().stream().filter(f -> f.factor() == Factor.BUREAU_SCORE)
                .map(Scorecard.Contribution::value).findFirst().orElse(null);
    }
}

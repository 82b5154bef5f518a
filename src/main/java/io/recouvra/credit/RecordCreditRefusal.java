package io.recouvra.credit;

import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordCreditRefusal}}: the credit manager refused; the customer's terms stay as they were. */
@Component("recordCreditRefusal")
class RecordCreditRefusal implements JavaDelegate {

    private final InteractionLog interactions;

    RecordCreditRefusal(InteractionLog interactions) {
        this.interactions = interactions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        interactions.record(UUID.fromString((String) execution.getVariable("customerId")), null,
                Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL, Interaction.Type.NOTE,
                "Credit request of " + execution.getVariable("requestedAmount") + " EUR refused — "
                        + execution.getVariable("decisionNote"), null);
    }
}

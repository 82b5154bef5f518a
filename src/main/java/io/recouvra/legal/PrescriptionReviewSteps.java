package io.recouvra.legal;

import static io.recouvra.web.FormFields.date;
import static io.recouvra.web.FormFields.text;

import io.recouvra.web.InvalidInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener of prescription-review.bpmn: what the legal officer decided about a claim nearing prescription. */
@Configuration
class PrescriptionReviewSteps {

    private static final Set<String> ACTIONS = Set.of("ACKNOWLEDGEMENT_SIGNED", "COURT_ACTION", "ACCEPT_RISK");

    @Bean
    TaskListener recordPrescriptionReview(Prescriptions prescriptions) {
        return task -> {
            String action = text(task, "prescriptionAction", true);
            if (!ACTIONS.contains(action)) {
                throw new InvalidInputException("prescriptionAction", "is one of " + ACTIONS + ": " + action);
            }
            String note = text(task, "prescriptionNote", false);
            boolean signed = "ACKNOWLEDGEMENT_SIGNED".equals(action);
            prescriptions.reviewed((String) task.getVariable("invoiceNumber"), action,
                    signed ? date(task, "acknowledgedOn", true) : null, note, task.getAssignee());
        };
    }
}

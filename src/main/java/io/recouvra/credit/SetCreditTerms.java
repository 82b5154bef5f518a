package io.recouvra.credit;

import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.CustomerService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${setCreditTerms}}: the customer's limit, payment terms and guarantee become what the policy
 * proposed, or the limit the credit manager approved instead.
 */
@Component("setCreditTerms")
class SetCreditTerms implements JavaDelegate {

    private final CustomerService customers;
    private final InteractionLog interactions;

    SetCreditTerms(CustomerService customers, InteractionLog interactions) {
        this.customers = customers;
        this.interactions = interactions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID customerId = UUID.fromString((String) execution.getVariable("customerId"));
        CreditTerms terms = CreditTerms.from(execution.getVariable("creditTerms"));
        Object approvedLimit = execution.getVariable("approvedLimit");
        BigDecimal limit = approvedLimit instanceof Number number
                ? BigDecimal.valueOf(number.doubleValue()).setScale(2, RoundingMode.HALF_UP) : terms.limit();
        customers.setCreditTerms(customerId, limit, terms.paymentDays(), terms.basis(), terms.guarantee());
        Object note = execution.getVariable("decisionNote");
        interactions.record(customerId, null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL,
                Interaction.Type.NOTE, "Credit terms set: limit " + limit.toPlainString() + " EUR, " + terms.describe()
                        + (note == null ? " (credit policy)" : " — " + note), null);
    }
}

package io.recouvra.credit;

import io.recouvra.receivables.AmountDisplay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${prepareCreditApproval}}: what the approval form shows of the policy's proposal, with the amounts
 * written as the staff read them ("12 000,00 €"; credit limits are in euros).
 */
@Component("prepareCreditApproval")
class PrepareCreditApproval implements TaskListener {

    private static final String EUR = "EUR";

    @Override
    public void notify(DelegateTask task) {
        CreditTerms proposed = CreditTerms.from(task.getVariable("creditTerms"));
        task.setVariable("proposedLimit", proposed.limit().toPlainString());
        task.setVariable("proposedTerms", proposed.describe());
        task.setVariable("proposedLimitDisplay", AmountDisplay.of(proposed.limit(), EUR));
        task.setVariable("exposureDisplay", euros(task.getVariable("exposure")));
        task.setVariable("requestedAmountDisplay", euros(task.getVariable("requestedAmount")));
        task.setVariable("securedExposureDisplay", euros(task.getVariable("securedExposure")));
    }

    /** A text (exposure; securedExposure before the policy read it) or a number (securedExposure, requestedAmount). */
    private static String euros(Object amount) {
        return amount == null ? "" : AmountDisplay.of(amount instanceof Double number
                ? BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP) : new BigDecimal(amount.toString()), EUR);
    }
}

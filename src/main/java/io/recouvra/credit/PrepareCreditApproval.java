package io.recouvra.credit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${prepareCreditApproval}}: what the approval form shows of the policy's proposal. */
@Component("prepareCreditApproval")
class PrepareCreditApproval implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        CreditTerms proposed = CreditTerms.from(task.getVariable("creditTerms"));
        task.setVariable("proposedLimit", proposed.limit().toPlainString());
        task.setVariable("proposedTerms", proposed.describe());
    }
}

package io.recouvra.collection;

import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.engine.UpgradeInstructions;
import org.springframework.stereotype.Component;

/**
 * How running PaymentPlan instances move to the latest payment-plan.bpmn: the lines each model change needs beyond
 * equal element ids, newest last.
 */
@Component
class PaymentPlanUpgrade implements ProcessUpgrade {

    @Override
    public String processKey() {
        return PaymentPlanContract.PROCESS_KEY;
    }

    @Override
    public void instruct(UpgradeInstructions instructions) {
        // Issue 18 (insolvency): a new interrupting event sub-process, "Insolvency proceedings opened" (message
        // InsolvencyOpened by the plan's id). No wait changed id, so equal ids map them all, and the engine creates the
        // new start event's subscription for each migrated plan: a plan running before the release stops too.
    }
}

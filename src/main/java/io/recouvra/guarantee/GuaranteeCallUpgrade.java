package io.recouvra.guarantee;

import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.engine.UpgradeInstructions;
import org.springframework.stereotype.Component;

/**
 * How running GuaranteeCall instances move to the latest guarantee-call.bpmn: the lines each model change needs beyond
 * equal element ids, newest last.
 */
@Component
class GuaranteeCallUpgrade implements ProcessUpgrade {

    @Override
    public String processKey() {
        return GuaranteeCallContract.PROCESS_KEY;
    }

    @Override
    public void instruct(UpgradeInstructions instructions) {
        // Issue 18 (the wait for a missing late-payment rate): a boundary error on Send the call letter, the wait for
        // signal LatePaymentRateRecorded and a merging gateway in front of the task. No wait changed id, so equal ids map
        // them all. The migration is needed nonetheless: the delegate now throws BPMN error LATE_PAYMENT_RATE_MISSING,
        // which an older version does not catch, and Camunda ends an execution whose BPMN error nothing catches
        // (enableExceptionsAfterUnhandledBpmnError is false): a call still before its letter would end silently, without
        // Hand back, and its escalation would wait for ever.
    }
}

package io.recouvra.collection;

import io.recouvra.agency.AgencyCaseEnded;
import io.recouvra.guarantee.GuaranteeCallEnded;
import io.recouvra.insurance.InsuranceClaimEnded;
import io.recouvra.insurance.InsurerTookOver;
import io.recouvra.legal.CourtCaseEnded;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the invoice's sibling processes (ADR 0007) announce, told to the invoice's InvoiceCollection and
 * Escalation in their own messages, by business key (the invoice number). The siblings do not know who
 * waits; nothing happens when nobody does (correlateAll). Heard synchronously, in the transaction of the
 * sibling's step: the message is correlated exactly when the step commits, as when the sibling sent it.
 */
@Component
class SiblingProcessEvents {

    private final RuntimeService runtime;

    SiblingProcessEvents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void insurerTookOver(InsurerTookOver tookOver) {
        runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_INSURER_TOOK_OVER)
                .processInstanceBusinessKey(tookOver.invoiceNumber()).correlateAll();
    }

    /** Whatever way the claim ended, the rest goes on along another route, the insurer's excluded. */
    @EventListener
    void insuranceClaimEnded(InsuranceClaimEnded ended) {
        runtime.createMessageCorrelation(EscalationContract.MESSAGE_INSURANCE_CLAIM_ENDED).processInstanceBusinessKey(ended.invoiceNumber())
                .setVariables(Map.of(EscalationContract.OUTCOME, EscalationContract.OUTCOME_RETURNED, EscalationContract.INSURED, false))
                .correlateAll();
    }

    @EventListener
    void agencyCaseEnded(AgencyCaseEnded ended) {
        runtime.createMessageCorrelation(EscalationContract.MESSAGE_AGENCY_HANDOFF_ENDED).processInstanceBusinessKey(ended.invoiceNumber())
                .setVariable(EscalationContract.OUTCOME, switch (ended.outcome()) {
                    case CLOSED -> EscalationContract.OUTCOME_CLOSED;
                    case RETURNED -> EscalationContract.OUTCOME_RETURNED;
                })
                .correlateAll();
    }

    @EventListener
    void guaranteeCallEnded(GuaranteeCallEnded ended) {
        runtime.createMessageCorrelation(EscalationContract.MESSAGE_GUARANTEE_CALL_ENDED).processInstanceBusinessKey(ended.invoiceNumber())
                .setVariable(EscalationContract.OUTCOME, switch (ended.outcome()) {
                    case CLOSED -> EscalationContract.OUTCOME_CLOSED;
                    case RETURNED -> EscalationContract.OUTCOME_RETURNED;
                })
                .correlateAll();
    }

    @EventListener
    void courtCaseEnded(CourtCaseEnded ended) {
        runtime.createMessageCorrelation(EscalationContract.MESSAGE_LEGAL_INJUNCTION_ENDED).processInstanceBusinessKey(ended.invoiceNumber())
                .setVariable(EscalationContract.OUTCOME, switch (ended.outcome()) {
                    case CLOSED -> EscalationContract.OUTCOME_CLOSED;
                    case RETURNED -> EscalationContract.OUTCOME_RETURNED;
                })
                .correlateAll();
    }
}

package io.recouvra.insurance;

import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.DisputeRaised;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.receivables.LedgerEvents.InvoiceWrittenOff;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the ledger and the disputes tell credit insurance: an insured invoice registered starts its
 * CreditInsuranceClaim (business key = the invoice number); payments, settlements and disputes go to that claim.
 */
@Component
class InsuranceLedgerEvents {

    private final InsuredInvoices insured;
    private final RuntimeService runtime;

    InsuranceLedgerEvents(InsuredInvoices insured, RuntimeService runtime) {
        this.insured = insured;
        this.runtime = runtime;
    }

    @EventListener
    void watch(InvoiceRegistered registered) {
        if (insured.watchIfInsured(registered.number())) {
            runtime.startProcessInstanceByKey(InsuranceClaims.PROCESS_KEY, registered.number(), Variables.createVariables()
                    .putValue("invoiceNumber", registered.number())
                    .putValue("invoiceId", registered.invoiceId().toString())
                    .putValue("customerId", registered.customerId().toString())
                    .putValue("customerName", registered.customerName())
                    .putValue("currency", registered.currency())
                    .putValue("outstandingDisplay", AmountDisplay.of(registered.amount(), registered.currency())));
        }
    }

    @EventListener
    void disputed(DisputeRaised dispute) {
        runtime.createMessageCorrelation(InsuranceClaims.MESSAGE_DISPUTED).processInstanceBusinessKey(dispute.invoiceNumber())
                .setVariable("disputeReason", dispute.reason()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void paid(InvoiceReduced reduced) {
        runtime.createMessageCorrelation(InsuranceClaims.MESSAGE_PAID).processInstanceBusinessKey(reduced.number()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void writtenOff(InvoiceWrittenOff writtenOff) {
        runtime.createMessageCorrelation(InsuranceClaims.MESSAGE_SETTLED).processInstanceBusinessKey(writtenOff.number()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settled(InvoiceSettled settled) {
        if (settled.status() == InvoiceStatus.PAID || settled.status() == InvoiceStatus.CANCELLED) {
            runtime.createMessageCorrelation(InsuranceClaims.MESSAGE_SETTLED).processInstanceBusinessKey(settled.number())
                    .correlateAll();
        }
    }
}

package io.recouvra.insurance;

import io.recouvra.database.WaitingInstances;
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
            runtime.startProcessInstanceByKey(CreditInsuranceClaimContract.PROCESS_KEY, registered.number(), Variables.createVariables()
                    .putValue(CreditInsuranceClaimContract.INVOICE_NUMBER, registered.number())
                    .putValue(CreditInsuranceClaimContract.INVOICE_ID, registered.invoiceId().toString())
                    .putValue(CreditInsuranceClaimContract.CUSTOMER_ID, registered.customerId().toString())
                    .putValue(CreditInsuranceClaimContract.CUSTOMER_NAME, registered.customerName())
                    .putValue(CreditInsuranceClaimContract.CURRENCY, registered.currency())
                    .putValue(CreditInsuranceClaimContract.OUTSTANDING_DISPLAY, AmountDisplay.of(registered.amount(), registered.currency())));
        }
    }

    @EventListener
    void disputed(DisputeRaised dispute) {
        WaitingInstances.message(runtime, CreditInsuranceClaimContract.MESSAGE_INVOICE_DISPUTED).processInstanceBusinessKey(dispute.invoiceNumber())
                .setVariable(CreditInsuranceClaimContract.DISPUTE_REASON, dispute.reason()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void paid(InvoiceReduced reduced) {
        WaitingInstances.message(runtime, CreditInsuranceClaimContract.MESSAGE_INVOICE_PAID).processInstanceBusinessKey(reduced.number()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void writtenOff(InvoiceWrittenOff writtenOff) {
        WaitingInstances.message(runtime, CreditInsuranceClaimContract.MESSAGE_INVOICE_SETTLED).processInstanceBusinessKey(writtenOff.number()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settled(InvoiceSettled settled) {
        if (settled.status() == InvoiceStatus.PAID || settled.status() == InvoiceStatus.CANCELLED) {
            WaitingInstances.message(runtime, CreditInsuranceClaimContract.MESSAGE_INVOICE_SETTLED).processInstanceBusinessKey(settled.number())
                    .correlateAll();
        }
    }
}

package io.recouvra.legal;

import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.receivables.LedgerEvents.InvoiceWrittenOff;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the ledger tells the court cases and the prescription watch: an invoice settled or written off
 * ends its case (CLOSED; a filed case is withdrawn first), a part payment is noted on the case, and any
 * payment is an acknowledgement of the debt that ends a running prescription review.
 */
@Component
class LegalLedgerEvents {

    private final LegalCases cases;
    private final Prescriptions prescriptions;

    LegalLedgerEvents(LegalCases cases, Prescriptions prescriptions) {
        this.cases = cases;
        this.prescriptions = prescriptions;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void partlyPaid(InvoiceReduced reduced) {
        cases.partlyPaid(reduced.number(), reduced.outstanding());
        prescriptions.interrupted(reduced.number());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settled(InvoiceSettled settled) {
        cases.invoiceClosed(settled.number(), settled.status() == InvoiceStatus.PAID ? "the invoice was paid"
                : "the invoice was cancelled by credit notes");
        prescriptions.interrupted(settled.number());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void writtenOff(InvoiceWrittenOff writtenOff) {
        cases.invoiceClosed(writtenOff.number(), "the invoice was written off: " + writtenOff.reason());
        prescriptions.interrupted(writtenOff.number());
    }
}

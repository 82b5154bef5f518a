package io.recouvra.agency;

import io.recouvra.database.WaitingInstances;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.receivables.LedgerEvents.InvoiceWrittenOff;
import io.recouvra.receivables.InvoiceStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the ledger tells an invoice's AgencyHandoff (business key = the invoice number): money received,
 * and the invoice settled, cancelled or written off. Nobody listens unless an agency holds the invoice.
 */
@Component
class AgencyLedgerEvents {

    private final RuntimeService runtime;

    AgencyLedgerEvents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void reduced(InvoiceReduced reduced) {
        WaitingInstances.message(runtime, AgencyHandoffContract.MESSAGE_INVOICE_REDUCED).processInstanceBusinessKey(reduced.number()).correlateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settled(InvoiceSettled settled) {
        tellSettled(settled.number(), settled.status());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void writtenOff(InvoiceWrittenOff writtenOff) {
        tellSettled(writtenOff.number(), InvoiceStatus.WRITTEN_OFF);
    }

    private void tellSettled(String number, InvoiceStatus status) {
        WaitingInstances.message(runtime, AgencyHandoffContract.MESSAGE_INVOICE_SETTLED).processInstanceBusinessKey(number)
                .setVariable(AgencyHandoffContract.SETTLED_AS, status.name()).correlateAll();
    }
}

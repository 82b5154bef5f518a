package io.recouvra.collection;

import static io.recouvra.collection.InvoiceCollectionContract.*;

import io.recouvra.database.WaitingInstances;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each invoice's InvoiceCollection instance in step with the ledger, in the ledger's transaction:
 * a registered invoice always has its instance and a settled one never keeps dunning. Settlements are
 * passed on just before the commit, once whatever step of the process changed the ledger (a credit
 * note after a dispute, say) has finished, so an instance is never interrupted in the middle of its
 * own step. What it relies on of the model is {@link InvoiceCollectionContract}.
 */
@Component
class InvoiceCollectionProcess {

    private final RuntimeService runtime;
    private final Amounts amounts;
    private final InvoiceService invoices;

    InvoiceCollectionProcess(RuntimeService runtime, Amounts amounts, InvoiceService invoices) {
        this.runtime = runtime;
        this.amounts = amounts;
        this.invoices = invoices;
    }

    /** Starts collecting an invoice booked without it: the late-charges debit note of a broken payment plan. */
    void startFor(Invoice invoice) {
        start(new InvoiceRegistered(invoice.getId(), invoice.getNumber(), invoice.getCustomer().getId(),
                invoice.getCustomer().getLegalName(), invoice.getOutstanding(), invoice.getCurrency(), invoice.getDueDate(),
                false, false, null, invoice.getCustomer().getCreditLimit()));
    }

    /**
     * Each variable costs three statements (the variable and its two history rows), so an instance starts with
     * those the models and their forms read, nothing more: the invoice's flags (over the credit limit, terms
     * beyond policy) are the ledger's, shown by the API, and no model reads them; the amount DunningStrategy
     * reads comes with the assessment, from the ledger ({@link Dunning#assess}). Nor the flags and counters whose
     * start value means "not yet": {@link InvoiceCollectionContract#RESUME_WITH_NEXT_LEVEL} (set by the step that
     * resumes collection, read by the model as absent = false) and the escalation's agency and legal attempts (passed
     * to Escalation as 0 when absent). Nor the currency: Escalation gets it from the ledger ({@link InvoiceLedger})
     * when the instance has none, and {@link #updateOutstanding} reads it there. Instances started before keep theirs,
     * which the model reads the same way.
     */
    @EventListener
    void start(InvoiceRegistered invoice) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, invoice.number(), Variables.createVariables()
                .putValue(INVOICE_NUMBER, invoice.number())
                .putValue(INVOICE_ID, invoice.invoiceId().toString())
                .putValue(CUSTOMER_ID, invoice.customerId().toString())
                .putValue(CUSTOMER_NAME, invoice.customerName())
                .putValue(OUTSTANDING_AMOUNT, invoice.amount().toPlainString())
                .putValue(OUTSTANDING_DISPLAY, amounts.display(invoice.amount(), invoice.currency()))
                .putValue(DUE_DATE, invoice.dueDate().toString())
                .putValue(DUNNING_LEVEL, 0));
    }

    /** Settled invoices stop being collected; correlation by business key, the invoice number. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settle(InvoiceSettled invoice) {
        String message = invoice.status() == InvoiceStatus.CANCELLED ? MESSAGE_INVOICE_CANCELLED : MESSAGE_PAYMENT_RECEIVED;
        WaitingInstances.message(runtime, message)
                .processInstanceBusinessKey(invoice.number())
                .setVariable(OUTSTANDING_AMOUNT, "0.00")
                .correlateAll();
    }

    /**
     * A partial payment or credit: collection goes on, and whoever works the case (collectors, and the
     * handlers of a dispute or an escalation the invoice's instance called) sees what is still owed.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void updateOutstanding(InvoiceReduced invoice) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.number()).list();
        if (instances.isEmpty()) {
            return;
        }
        // the ledger's: instances registered since issue 19 keep no currency variable
        String currency = invoices.find(invoice.number()).map(Invoice::getCurrency).orElse("EUR");
        for (ProcessInstance instance : instances) {
            runtime.setVariable(instance.getId(), OUTSTANDING_AMOUNT, invoice.outstanding().toPlainString());
            runtime.setVariable(instance.getId(), OUTSTANDING_DISPLAY, amounts.display(invoice.outstanding(), currency));
        }
    }
}

package io.recouvra.collection;

import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.receivables.OverduePolicy;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each invoice's InvoiceCollection instance in step with the ledger. Runs inside the ledger's
 * transaction, so a registered invoice always has its instance and a settled one never keeps dunning.
 * The contract with the model is the process key, the message names and the variable names below —
 * never element ids, which a process owner may change in Modeler.
 */
@Component
class InvoiceCollectionProcess {

    static final String PROCESS_KEY = "InvoiceCollection";
    static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
    static final String MESSAGE_INVOICE_CANCELLED = "InvoiceCancelled";

    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String OUTSTANDING_AMOUNT = "outstandingAmount";
    static final String OVERDUE_SINCE = "overdueSince";

    private final RuntimeService runtime;
    private final OverduePolicy overduePolicy;

    InvoiceCollectionProcess(RuntimeService runtime, OverduePolicy overduePolicy) {
        this.runtime = runtime;
        this.overduePolicy = overduePolicy;
    }

    @EventListener
    void start(InvoiceRegistered invoice) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, invoice.number(), Variables.createVariables()
                .putValue(INVOICE_NUMBER, invoice.number())
                .putValue("invoiceId", invoice.invoiceId().toString())
                .putValue("customerId", invoice.customerId().toString())
                .putValue("customerName", invoice.customerName())
                .putValue("amount", invoice.amount().toPlainString())
                .putValue("currency", invoice.currency())
                .putValue(OUTSTANDING_AMOUNT, invoice.amount().toPlainString())
                .putValue("dueDate", invoice.dueDate().toString())
                .putValue("overdueAt", Date.from(overduePolicy.overdueAt(invoice.dueDate()).toInstant()))
                // for the collection strategy to come: a customer over its limit is chased sooner
                .putValue("overCreditLimit", invoice.overCreditLimit())
                .putValue("termsBeyondPolicy", invoice.termsBeyondPolicy()));
    }

    /** Settled invoices stop being collected; correlation by business key, the invoice number. */
    @EventListener
    void settle(InvoiceSettled invoice) {
        String message = invoice.status() == InvoiceStatus.CANCELLED ? MESSAGE_INVOICE_CANCELLED : MESSAGE_PAYMENT_RECEIVED;
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(invoice.number())
                .setVariable(OUTSTANDING_AMOUNT, "0.00")
                .correlateAll();
    }

    /** A partial payment or credit: collection goes on, and collectors see what is still owed. */
    @EventListener
    void updateOutstanding(InvoiceReduced invoice) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(invoice.number()).list()) {
            runtime.setVariable(instance.getId(), OUTSTANDING_AMOUNT, invoice.outstanding().toPlainString());
        }
    }
}

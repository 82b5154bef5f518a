package io.recouvra.collection;

import static io.recouvra.collection.InvoiceCollectionContract.*;

import io.recouvra.database.WaitingInstances;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
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
     * those its model and its steps read, nothing more: the invoice's number and id, its customer's id and its due
     * date. The rest is the ledger's and read there when needed: the invoice's flags (over the credit limit, terms
     * beyond policy), shown by the API and read by no model; the amount DunningStrategy reads, which comes with the
     * assessment ({@link Dunning#assess}); the customer's name, the currency and what is still owed, which the model
     * hands to Escalation and DisputeMediation from the ledger when it calls them ({@link InvoiceLedger}). Nor the flags and counters whose start value means "not yet":
     * {@link InvoiceCollectionContract#DUNNING_LEVEL} (set by the first reminder, read by the model as absent = 0),
     * {@link InvoiceCollectionContract#RESUME_WITH_NEXT_LEVEL} (set by the step that resumes collection, read by the
     * model as absent = false) and the escalation's agency and legal attempts (passed to Escalation as 0 when
     * absent). Instances started before keep what they were started with; the model reads it the same way.
     */
    @EventListener
    void start(InvoiceRegistered invoice) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, invoice.number(), Variables.createVariables()
                .putValue(INVOICE_NUMBER, invoice.number())
                .putValue(INVOICE_ID, invoice.invoiceId().toString())
                .putValue(CUSTOMER_ID, invoice.customerId().toString())
                .putValue(DUE_DATE, invoice.dueDate().toString()));
    }

    /**
     * Settled invoices stop being collected; correlation by business key, the invoice number. The message carries no
     * variable: once the instance ends nothing reads what is owed, and the ledger says it (until issue 19's third pass
     * it set outstandingAmount to "0.00", a write and a delete for the instance's history alone).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void settle(InvoiceSettled invoice) {
        String message = invoice.status() == InvoiceStatus.CANCELLED ? MESSAGE_INVOICE_CANCELLED : MESSAGE_PAYMENT_RECEIVED;
        WaitingInstances.message(runtime, message)
                .processInstanceBusinessKey(invoice.number())
                .correlateAll();
    }

    /**
     * A partial payment or credit: collection goes on, and whoever works the case (the handlers of a dispute or an
     * escalation the invoice's instance called, an agency, insurer or court case of the invoice) sees what is still
     * owed. Only the instances that keep a copy of it are told: those processes, started with it, and the
     * InvoiceCollection instances started before issue 19's third pass. Those started since keep none (the ledger's
     * is read at each call, {@link InvoiceLedger}), and giving them one here would cost a write nobody reads.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void updateOutstanding(InvoiceReduced invoice) {
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.number()).list().stream()
                .map(ProcessInstance::getId).toArray(String[]::new);
        if (instances.length == 0) {
            return;
        }
        Set<String> keepingACopy = runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableNameIn(OUTSTANDING_AMOUNT, OUTSTANDING_DISPLAY).list().stream()
                .map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
        if (keepingACopy.isEmpty()) {
            return;
        }
        // the ledger's: instances registered since issue 19 keep no currency variable
        String currency = invoices.find(invoice.number()).map(Invoice::getCurrency).orElse("EUR");
        for (String instance : keepingACopy) {
            runtime.setVariable(instance, OUTSTANDING_AMOUNT, invoice.outstanding().toPlainString());
            runtime.setVariable(instance, OUTSTANDING_DISPLAY, amounts.display(invoice.outstanding(), currency));
        }
    }
}

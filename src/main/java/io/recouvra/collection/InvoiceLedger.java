package io.recouvra.collection;

import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${invoiceLedger}}: what invoice-collection.bpmn reads of its invoice from the ledger when it calls Escalation
 * or DisputeMediation, instead of keeping it as a variable from the start (each variable costs three statements at
 * registration, docs/performance.md). The called process gets it as a variable of its own, as before, which its
 * forms, task names, Tasklist columns and steps read, and which {@link InvoiceCollectionProcess} keeps up to date
 * while it runs. An instance started before keeps its {@code currency}, which the model prefers (an invoice's
 * currency never changes); its customer name and outstanding amounts, started with and kept in step with the ledger,
 * are read from the ledger all the same.
 */
@Component("invoiceLedger")
public class InvoiceLedger {

    private final InvoiceService invoices;

    InvoiceLedger(InvoiceService invoices) {
        this.invoices = invoices;
    }

    public String currency(VariableScope execution) {
        return invoiceOf(execution).getCurrency();
    }

    /** The customer's legal name, as the forms and task names show it. */
    public String customerName(VariableScope execution) {
        return invoiceOf(execution).getCustomer().getLegalName();
    }

    /** What is still owed, at the currency's scale: "750.00" (a Tasklist column). */
    public String outstandingAmount(VariableScope execution) {
        return invoiceOf(execution).getOutstanding().toPlainString();
    }

    /** What is still owed, as the forms show it: "750,00 €". */
    public String outstandingDisplay(VariableScope execution) {
        Invoice invoice = invoiceOf(execution);
        return AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency());
    }

    private Invoice invoiceOf(VariableScope execution) {
        return invoices.get(UUID.fromString((String) execution.getVariable(InvoiceCollectionContract.INVOICE_ID)));
    }
}

package io.recouvra.collection;

import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${markInvoiceOverdue}}: records in the ledger that the invoice is overdue. The day it became so is the
 * ledger's ({@code overdue_since}); no model reads it, so it is no longer written as a variable too (three statements
 * per invoice of the overdue wave, docs/performance.md; instances marked before keep theirs).
 */
@Component("markInvoiceOverdue")
class MarkInvoiceOverdue implements JavaDelegate {

    private final InvoiceService invoices;

    MarkInvoiceOverdue(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(InvoiceCollectionContract.INVOICE_NUMBER);
        Invoice invoice = invoices.markOverdue(number);
        // every payment and credit already wrote it (InvoiceCollectionProcess.updateOutstanding): written again only if
        // the ledger says otherwise, since the engine writes an unchanged value anew, with its history (four statements)
        String outstanding = invoice.getOutstanding().toPlainString();
        if (!outstanding.equals(execution.getVariable(InvoiceCollectionContract.OUTSTANDING_AMOUNT))) {
            execution.setVariable(InvoiceCollectionContract.OUTSTANDING_AMOUNT, outstanding);
        }
    }
}

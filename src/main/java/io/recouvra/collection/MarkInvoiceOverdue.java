package io.recouvra.collection;

import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${markInvoiceOverdue}}: records in the ledger that the invoice is overdue. */
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
        execution.setVariable(InvoiceCollectionContract.OVERDUE_SINCE, invoice.getOverdueSince().toString());
        execution.setVariable(InvoiceCollectionContract.OUTSTANDING_AMOUNT, invoice.getOutstanding().toPlainString());
    }
}

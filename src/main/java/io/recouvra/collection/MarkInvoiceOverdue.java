package io.recouvra.collection;

import io.recouvra.receivables.InvoiceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${markInvoiceOverdue}}: records in the ledger that the invoice is overdue. Nothing is copied into the
 * instance (until issue 19's third pass, overdueSince and outstandingAmount were, three statements each, and nothing
 * read them): the ledger keeps both, and the model reads what is owed from it when it calls Escalation.
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
        invoices.markOverdue(number);
    }
}

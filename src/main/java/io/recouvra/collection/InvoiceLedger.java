package io.recouvra.collection;

import io.recouvra.receivables.InvoiceService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${invoiceLedger}}: what invoice-collection.bpmn reads of its invoice from the ledger instead of keeping it as
 * a variable from the start (each variable costs three statements at registration, docs/performance.md). An
 * instance started before keeps its {@code currency}, which the model prefers; an invoice's currency never changes,
 * so both say the same.
 */
@Component("invoiceLedger")
public class InvoiceLedger {

    private final InvoiceService invoices;

    InvoiceLedger(InvoiceService invoices) {
        this.invoices = invoices;
    }

    public String currency(VariableScope execution) {
        return invoices.get(invoiceId(execution)).getCurrency();
    }

    private static UUID invoiceId(VariableScope execution) {
        return UUID.fromString((String) execution.getVariable(InvoiceCollectionContract.INVOICE_ID));
    }
}

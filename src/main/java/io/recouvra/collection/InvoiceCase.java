package io.recouvra.collection;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The invoice an InvoiceCollection instance is about, as its variables name it. */
record InvoiceCase(String number, UUID invoiceId, UUID customerId) {

    static InvoiceCase of(VariableScope execution) {
        return new InvoiceCase((String) execution.getVariable(InvoiceCollectionContract.INVOICE_NUMBER),
                UUID.fromString((String) execution.getVariable(InvoiceCollectionContract.INVOICE_ID)),
                UUID.fromString((String) execution.getVariable(InvoiceCollectionContract.CUSTOMER_ID)));
    }

    /** The strategy DunningStrategy chose, as the business rule task stored it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strategy(VariableScope execution) {
        return (Map<String, Object>) execution.getVariable(InvoiceCollectionContract.STRATEGY);
    }
}

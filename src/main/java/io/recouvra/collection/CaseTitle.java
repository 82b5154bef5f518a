package io.recouvra.collection;

import io.recouvra.engine.TeamLanguage;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseTitle}}, the create listener of the user tasks of the models that work an invoice or a
 * customer's plan (invoice-collection, escalation, dispute-mediation, payment-plan, legal-injunction,
 * credit-insurance-claim, prescription-review): names the task after its case, so Tasklist shows whose task it is and how much is
 * at stake. It reads the variables of {@link InvoiceCollectionContract} those models are started with. The name
 * drawn in the model is already in the team's language (engine.ModelTexts); only the separator depends on it.
 */
@Component("caseTitle")
class CaseTitle implements TaskListener {

    /** What a plan's tasks show instead of an invoice's outstanding amount. */
    static final String TOTAL_OUTSTANDING_DISPLAY = "totalOutstandingDisplay";

    private final TeamLanguage language;

    CaseTitle(TeamLanguage language) {
        this.language = language;
    }

    @Override
    public void notify(DelegateTask task) {
        Object invoiceNumber = task.getVariable(InvoiceCollectionContract.INVOICE_NUMBER);
        Object amount = task.getVariable(invoiceNumber != null ? InvoiceCollectionContract.OUTSTANDING_DISPLAY : TOTAL_OUTSTANDING_DISPLAY);
        task.setName(task.getName() + language.nameSeparator() + task.getVariable(InvoiceCollectionContract.CUSTOMER_NAME)
                + (invoiceNumber != null ? ", " + invoiceNumber : "") + (amount != null ? " (" + amount + ")" : ""));
    }
}

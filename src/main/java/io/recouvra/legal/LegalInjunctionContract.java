package io.recouvra.legal;

/**
 * What the code relies on of processes/legal-injunction.bpmn: the court case of one invoice (business
 * key = the invoice number), started by Escalation's "Open court case" ({@code openLegalCase}); the
 * messages it waits for, its variables, and how it ends. It does not know who took the invoice to court:
 * its end is announced as {@link CourtCaseEnded}.
 */
public final class LegalInjunctionContract {

    public static final String PROCESS_KEY = "LegalInjunction";

    // ---- messages it waits for

    /** The invoice was settled or written off; carries {@link #OUTCOME_REASON}. */
    public static final String MESSAGE_INVOICE_CLOSED = "LegalInvoiceClosed";
    /** The debtor opposed the order. */
    public static final String MESSAGE_OPPOSED = "LegalInjunctionOpposed";

    // ---- variables in (besides the invoice's: invoiceNumber, invoiceId, customerId, customerName, outstandingDisplay)

    /** The legal case's row; a case started without it (Cockpit) opens its case first. */
    public static final String CASE_ID = "caseId";
    /** Whether the request was filed with the court: a case settled after filing is withdrawn first. */
    public static final String FILED = "filed";

    // ---- outcome

    /** How the case ended, set on the instance when it does: a {@link CourtCaseEnded.Outcome}, CLOSED or RETURNED. */
    public static final String OUTCOME = "legalOutcome";
    /** Why, set by the step that decided it, written on the case's row and the trail at the end. */
    public static final String OUTCOME_REASON = "legalOutcomeReason";

    private LegalInjunctionContract() {
    }
}

package io.recouvra.insolvency;

/**
 * What the code relies on of processes/proceedings-closing.bpmn: one instance per open proceedings (business key = the
 * proceedings' id), whose task lets a legal officer record the judgment that closes them from Tasklist.
 */
public final class ProceedingsClosingContract {

    public static final String PROCESS_KEY = "ProceedingsClosing";

    /** Ends the task: the closing was recorded some other way (the API). */
    public static final String MESSAGE_CLOSED = "InsolvencyProceedingsClosed";

    public static final String PROCEEDINGS_ID = "proceedingsId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    /** The proceedings' kind in French ("liquidation judiciaire"), kept up to date through conversions. */
    public static final String PROCEEDINGS_KIND_LABEL = "proceedingsKindLabel";
    /** The opening judgment's day, ISO. */
    public static final String JUDGMENT_DATE = "judgmentDate";

    /** The form's keys: a {@link ClosingKind}, the closing judgment's day (ISO) and the officer's note. */
    public static final String CLOSING_KIND = "closingKind";
    public static final String CLOSING_JUDGMENT_DATE = "closingJudgmentDate";
    public static final String CLOSING_NOTE = "closingNote";

    private ProceedingsClosingContract() {
    }
}

package io.recouvra.insolvency;

/**
 * What the code relies on of processes/declaration-of-claims.bpmn: the declaration of claims of one customer in
 * insolvency proceedings (business key = the proceedings id), started by {@link DeclarationOfClaimsStart}.
 */
public final class DeclarationOfClaimsContract {

    public static final String PROCESS_KEY = "DeclarationOfClaims";

    // ---- messages it waits for

    /** The opening judgment is published in the BODACC: carries {@link #BODACC_PUBLISHED_ON}. */
    public static final String MESSAGE_BODACC_PUBLISHED = "BodaccPublished";
    /**
     * A judgment closed the proceedings: carries {@link #CLOSING_KIND}, {@link #CLOSING_JUDGMENT_DATE}, and the
     * write-off's {@code outcomeDate} and {@code outcomeRecordedBy}. Its interrupting event sub-process ends the
     * declaration wherever it is.
     */
    public static final String MESSAGE_PROCEEDINGS_CLOSED = "ProceedingsClosed";

    // ---- variables in

    public static final String PROCEEDINGS_ID = "proceedingsId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String PROCEEDINGS_KIND_LABEL = "proceedingsKindLabel";
    public static final String JUDGMENT_DATE = "judgmentDate";
    public static final String REPRESENTATIVE_NAME = "representativeName";
    /** ISO date, or null while the publication is awaited. */
    public static final String BODACC_PUBLISHED_ON = "bodaccPublishedOn";

    // ---- variables the preparation sets (ISO dates for the forms, java.util.Date for the timers)

    public static final String DECLARED_TOTAL_DISPLAY = "declaredTotalDisplay";
    /** What the ${caseTitle} listener shows after the customer's name. */
    public static final String TOTAL_OUTSTANDING_DISPLAY = "totalOutstandingDisplay";
    public static final String DECLARATION_DEADLINE = "declarationDeadline";
    public static final String DECLARATION_DEADLINE_AT = "declarationDeadlineAt";
    public static final String DECLARATION_REMINDER_AT = "declarationReminderAt";
    public static final String DECLARATION_LAPSES_AT = "declarationLapsesAt";
    public static final String RELIEF_DEADLINE = "reliefDeadline";
    public static final String RELIEF_DEADLINE_AT = "reliefDeadlineAt";
    public static final String RELIEF_LAPSES_AT = "reliefLapsesAt";
    public static final String RETENTION_DEADLINE = "retentionDeadline";
    public static final String RETENTION_DEADLINE_AT = "retentionDeadlineAt";
    public static final String RETENTION_LAPSES_AT = "retentionLapsesAt";
    /** Whether goods were sold to the customer under a retention-of-title clause (from {@link ClaimSecurities}). */
    public static final String RETENTION_OF_TITLE = "retentionOfTitle";

    // ---- variables the tasks set

    public static final String DECLARATION_SENT_ON = "declarationSentOn";
    /** GRANTED, REFUSED or NOT_ASKED. */
    public static final String RELIEF_OUTCOME = "reliefOutcome";
    /** ADMITTED, CONTESTED or REJECTED (the judge's decision: ADMITTED or REJECTED). */
    public static final String CLAIM_ANSWER = "claimAnswer";
    public static final String ADMITTED_AMOUNT_DISPLAY = "admittedAmountDisplay";
    public static final String CONTEST_DEADLINE = "contestDeadline";
    public static final String CONTEST_DEADLINE_AT = "contestDeadlineAt";
    public static final String CONTEST_LAPSES_AT = "contestLapsesAt";
    /** DIVIDEND_PAID, PLAN_ADOPTED or CLOSED_INSUFFICIENT_ASSETS. */
    public static final String PROCEEDINGS_OUTCOME = "proceedingsOutcome";
    /** The closing's {@link ClosingKind}, by name. */
    public static final String CLOSING_KIND = "closingKind";
    /** ISO date of the judgment that closed the proceedings. */
    public static final String CLOSING_JUDGMENT_DATE = "closingJudgmentDate";
    /** Whether anything declared is still owed after the outcome recorded (or the closing). */
    public static final String STILL_OWED = "stillOwed";

    private DeclarationOfClaimsContract() {
    }
}

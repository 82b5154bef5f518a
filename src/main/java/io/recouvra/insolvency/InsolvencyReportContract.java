package io.recouvra.insolvency;

/**
 * What the code relies on of processes/insolvency-report.bpmn: one instance per customer (business key = the
 * customer's id) while a legal officer checks proceedings the credit bureau or a collection agency reported.
 */
public final class InsolvencyReportContract {

    public static final String PROCESS_KEY = "InsolvencyReport";

    /** Ends the check: proceedings were recorded for the customer some other way (the API). */
    public static final String MESSAGE_RECORDED = "InsolvencyProceedingsRecorded";

    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String REPORTED_BY = "reportedBy";
    /** Who reported them and what they said (the credit bureau's summary, the agency's note), shown in the task. */
    public static final String BUREAU_SUMMARY = "bureauSummary";
    /** The form's answer: YES (record the proceedings) or NO (the bureau is wrong). */
    public static final String CONFIRMED = "proceedingsConfirmed";

    private InsolvencyReportContract() {
    }
}

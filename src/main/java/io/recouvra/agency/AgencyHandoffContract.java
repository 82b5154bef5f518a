package io.recouvra.agency;

/**
 * What the code relies on of processes/agency-handoff.bpmn: one instance per invoice handed to an agency
 * (business key = the invoice number), started by Escalation's "Open agency case" ({@code handToAgency});
 * the messages the ledger and the agency's webhook send it; its variables. It does not know who handed
 * the invoice over: its end is announced as {@link AgencyCaseEnded}.
 */
public final class AgencyHandoffContract {

    public static final String PROCESS_KEY = "AgencyHandoff";

    // ---- messages it waits for

    /** The agency ended the case through its webhook; carries {@link #AGENCY_OUTCOME}. */
    public static final String MESSAGE_CASE_CLOSED = "AgencyCaseClosed";
    /** From the ledger: a payment or a credit lowered what is owed. */
    public static final String MESSAGE_INVOICE_REDUCED = "AgencyInvoiceReduced";
    /** From the ledger: the invoice is paid, cancelled or written off; carries {@link #SETTLED_AS}. */
    public static final String MESSAGE_INVOICE_SETTLED = "AgencyInvoiceSettled";

    // ---- variables in

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";

    // ---- variables of its own

    /** AgencySelection's choice. */
    public static final String AGENCY_ID = "agencyId";
    public static final String AGENCY_CASE_ID = "agencyCaseId";
    /** When the mandate timer fires: the end of the mandate's last day. */
    public static final String MANDATE_ENDS_AT = "mandateEndsAt";
    /** How the agency case closed: an {@link AgencyCase.Outcome}. */
    public static final String AGENCY_OUTCOME = "agencyOutcome";
    /** PAID, CANCELLED or WRITTEN_OFF: an {@link io.recouvra.receivables.InvoiceStatus}. */
    public static final String SETTLED_AS = "settledAs";

    // ---- outcome

    /** How the hand-off ended, set by the model on the way to "Hand back": an {@link AgencyCaseEnded.Outcome}. */
    public static final String HANDOFF_OUTCOME = "handoffOutcome";
    /**
     * {@link #HANDOFF_OUTCOME}'s name in the models released before issue 15, which instances still running
     * on them set.
     */
    public static final String HANDOFF_OUTCOME_BEFORE_RENAME = "escalationOutcome";

    private AgencyHandoffContract() {
    }
}

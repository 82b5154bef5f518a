package io.recouvra.collection;

/**
 * What the code relies on of processes/dispute-mediation.bpmn, called by InvoiceCollection
 * (business key = the invoice number): the message that reopens a rejected dispute, and the outcome it
 * returns by output mapping.
 */
public final class DisputeMediationContract {

    public static final String PROCESS_KEY = "DisputeMediation";

    /** The debtor contests a rejection: the dispute goes to mediation. */
    public static final String MESSAGE_CONTESTED = "DisputeContested";

    public static final String DISPUTE_ID = "disputeId";
    public static final String DISPUTE_REASON = "disputeReason";
    /** RESUME, CANCELLED or ESCALATE. */
    public static final String OUTCOME = "disputeOutcome";

    private DisputeMediationContract() {
    }
}

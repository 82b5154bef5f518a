package io.recouvra.collection;

/**
 * What the code relies on of processes/collector-call.bpmn: one instance per call (business key = the
 * call's id) about every overdue invoice of a customer; each of them gets
 * {@link InvoiceCollectionContract#MESSAGE_CALL_OUTCOME} when the call is over.
 */
public final class CollectorCallContract {

    public static final String PROCESS_KEY = "CollectorCall";

    public static final String CALL_ID = "callId";
    public static final String OUTCOME = InvoiceCollectionContract.CALL_OUTCOME;

    private CollectorCallContract() {
    }
}

package io.recouvra.messaging.outbox;

/**
 * What the code relies on of processes/uncertain-message-check.bpmn: one task per send nobody could
 * confirm (business key = the case reference), started by {@link UncertainMessageTasks}.
 */
public final class UncertainMessageCheckContract {

    public static final String PROCESS_KEY = "UncertainMessageCheck";

    // ---- messages it waits for

    /** Decided through the API meanwhile, correlated by {@link #OUTBOX_MESSAGE_ID}: the task is no longer needed. */
    public static final String MESSAGE_DECIDED = "UncertainMessageDecided";

    // ---- variables in

    /** The outbox row the task is about. */
    public static final String OUTBOX_MESSAGE_ID = "outboxMessageId";

    private UncertainMessageCheckContract() {
    }
}

package io.recouvra.collection;

/**
 * What the code and the other processes may rely on of processes/invoice-collection.bpmn: its key, the
 * messages it waits for (correlated by business key, the invoice number), the variables it is started
 * with or that its steps and callers read, and what its decisions read. Never element ids: a process
 * owner may change those in Modeler.
 */
public final class InvoiceCollectionContract {

    public static final String PROCESS_KEY = "InvoiceCollection";

    // ---- messages it waits for

    /** Ends the instance: the invoice is paid in full. */
    public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
    /** Ends the instance: a credit note cleared the invoice. */
    public static final String MESSAGE_INVOICE_CANCELLED = "InvoiceCancelled";
    /** The collector call it asked for is over; carries {@link #CALL_OUTCOME}. */
    public static final String MESSAGE_CALL_OUTCOME = "CallOutcome";
    /** Interrupts dunning for DisputeMediation. */
    public static final String MESSAGE_DISPUTE_RAISED = "DisputeRaised";
    /** Interrupts dunning until {@link #MESSAGE_HOLD_RELEASED} or {@link #HOLD_UNTIL}. */
    public static final String MESSAGE_HOLD_PLACED = "HoldPlaced";
    public static final String MESSAGE_HOLD_RELEASED = "HoldReleased";
    /** Interrupts dunning: a plan asked for through the API covers the invoice. */
    public static final String MESSAGE_PAYMENT_PLAN_REQUESTED = "PaymentPlanRequested";
    /** The plan covering the invoice is over; carries {@link #PLAN_OUTCOME}. */
    public static final String MESSAGE_PAYMENT_PLAN_ENDED = "PaymentPlanEnded";
    /** Interrupts dunning: the invoice's CreditInsuranceClaim declared it, the insurer recovers it now ({@link io.recouvra.insurance.InsurerTookOver}). */
    public static final String MESSAGE_INSURER_TOOK_OVER = "InsurerTookOver";

    /**
     * Restarts dunning into the wait for a promise: the debtor promised to pay on the portal ({@link PromisesMadeOnline});
     * carries {@link #PROMISE_MADE_ONLINE}, {@link #PROMISE_ID}, {@link #PROMISED_AMOUNT}, {@link #PROMISED_DATE} and
     * {@link #RESUME_DUNNING_AT}. The promise is checked at that time, then dunning goes on where it had reached.
     */
    public static final String MESSAGE_PROMISE_MADE_ONLINE = "PromiseMadeOnline";

    /**
     * Ends the instance: insolvency proceedings were opened against the customer by a judgment given after the invoice
     * was issued (the claim is frozen and declared instead, docs/insolvency.md); carries {@link #INSOLVENCY_REASON}.
     * The same message, by the plan's id, ends a {@link PaymentPlanContract#PROCESS_KEY} covering such an invoice.
     */
    public static final String MESSAGE_INSOLVENCY_OPENED = "InsolvencyOpened";

    // ---- variables

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CURRENCY = "currency";
    public static final String DUE_DATE = "dueDate";
    public static final String OUTSTANDING_AMOUNT = "outstandingAmount";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";
    public static final String DUNNING_LEVEL = "dunningLevel";
    /** DunningStrategy's result, read by the model as strategy.&lt;output&gt;. */
    public static final String STRATEGY = "strategy";
    /** The decision that chooses how an invoice is chased; its result is {@link #STRATEGY}. */
    public static final String DUNNING_STRATEGY = "DunningStrategy";
    /** The strategy's name, an output of {@link #DUNNING_STRATEGY}: the invoice's strategy segment on the dashboard. */
    public static final String STRATEGY_NAME = "strategyName";
    /** The risk class the assessment used, an input of {@link #DUNNING_STRATEGY}. */
    public static final String RISK_CLASS = "riskClass";
    public static final String RESUME_WITH_NEXT_LEVEL = "resumeWithNextLevel";
    public static final String CALL_OUTCOME = "callOutcome";
    /** A promise to pay the instance waits on (a call's outcome or {@link #MESSAGE_PROMISE_MADE_ONLINE}). */
    public static final String PROMISE_ID = "promiseId";
    /** True from {@link #MESSAGE_PROMISE_MADE_ONLINE} until the Collection enters the promise wait. */
    public static final String PROMISE_MADE_ONLINE = "promiseMadeOnline";
    public static final String PROMISED_AMOUNT = "promisedAmount";
    public static final String PROMISED_DATE = "promisedDate";
    /** When the promise (or a payment said to be made) is checked and dunning goes on. */
    public static final String RESUME_DUNNING_AT = "resumeDunningAt";
    public static final String HOLD_UNTIL = "holdUntil";
    /** Why collection stopped: the proceedings and their opening judgment, as the trail says it. */
    public static final String INSOLVENCY_REASON = "insolvencyReason";
    public static final String PLAN_OUTCOME = "planOutcome";
    /** DisputeMediation's outcome, returned by its output mapping: RESUME, CANCELLED or ESCALATE. */
    public static final String DISPUTE_OUTCOME = DisputeMediationContract.OUTCOME;

    private InvoiceCollectionContract() {
    }
}

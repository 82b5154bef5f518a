package io.recouvra.collection;

/**
 * What the code relies on of processes/payment-plan.bpmn: one instance per plan (business key = the
 * plan's id), covering some invoices of a customer, which it tells how it ended
 * ({@link InvoiceCollectionContract#MESSAGE_PAYMENT_PLAN_ENDED}).
 */
public final class PaymentPlanContract {

    public static final String PROCESS_KEY = "PaymentPlan";

    /** The debtor accepted the plan offered. */
    public static final String MESSAGE_ACCEPTED = "PaymentPlanAccepted";

    /** Ends the plan as STOPPED: it covers an invoice issued before an opening judgment (docs/insolvency.md). */
    public static final String MESSAGE_INSOLVENCY_OPENED = InvoiceCollectionContract.MESSAGE_INSOLVENCY_OPENED;

    /** How the plan ended, sent to each of its invoices: REFUSED, NOT_ACCEPTED, COMPLETED, BROKEN, BROKEN_ESCALATE or STOPPED. */
    public static final String OUTCOME = InvoiceCollectionContract.PLAN_OUTCOME;

    private PaymentPlanContract() {
    }
}

package io.recouvra.credit;

/**
 * What the code relies on of processes/credit-review.bpmn: one review of a customer at a time (business
 * key = CR-&lt;registration number&gt;-&lt;epoch second&gt;), started by {@link CreditReviews}. It waits for no
 * message: the credit manager's task is its only wait.
 */
public final class CreditReviewContract {

    public static final String PROCESS_KEY = "CreditReview";

    // ---- variables in

    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String REQUESTED_AMOUNT = "requestedAmount";
    /** A {@link CreditReviews.Reason}; EARLY_WARNING always asks a credit manager. */
    public static final String REASON = "reason";
    /** What the credit manager reads first on the approval form. */
    public static final String REVIEW_REASON = "reviewReason";

    private CreditReviewContract() {
    }
}

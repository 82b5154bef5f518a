package io.recouvra.guarantee;

/**
 * An invoice's GuaranteeCall is over: published in the transaction of its last step, for whoever called the guarantee
 * to carry on.
 */
public record GuaranteeCallEnded(String invoiceNumber, Outcome outcome) {

    public enum Outcome {
        /** The guarantor's payment settled the invoice: nothing more to collect. */
        CLOSED,
        /** Something is still owed: paid in part, refused, or no answer by the deadline. */
        RETURNED
    }
}

package io.recouvra.legal;

/**
 * An invoice's court case (LegalInjunction) is over: published in the transaction of its last step, for
 * whoever took the invoice to court to carry on.
 */
public record CourtCaseEnded(String invoiceNumber, Outcome outcome) {

    public enum Outcome {
        /** Paid, recovered, settled or written off: nothing more to collect. */
        CLOSED,
        /** Back unpaid (rejected, dismissed, lapsed, not recovered in full): the invoice is open again. */
        RETURNED
    }
}

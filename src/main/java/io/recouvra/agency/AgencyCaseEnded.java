package io.recouvra.agency;

/**
 * An invoice's AgencyHandoff is over: published in the transaction of its last step, for whoever handed
 * the invoice to the agency to carry on.
 */
public record AgencyCaseEnded(String invoiceNumber, Outcome outcome) {

    public enum Outcome {
        /** The invoice is settled (paid, to the agency or directly, cancelled, written off): nothing more to collect. */
        CLOSED,
        /** The agency gave the case back (reported its end, or the mandate ran out): the invoice is open again. */
        RETURNED
    }
}

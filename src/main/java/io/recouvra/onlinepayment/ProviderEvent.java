package io.recouvra.onlinepayment;

import java.math.BigDecimal;

/**
 * What a provider reported about one checkout. The event id is the provider's own, unique per event:
 * it is what keeps a replayed webhook from booking a payment twice.
 */
public record ProviderEvent(String id, Outcome outcome, String sessionId, BigDecimal amount, String currency) {

    public enum Outcome {
        /** The money is ours: the payment is booked. */
        PAID,
        /** The payment was attempted and refused (a SEPA debit bounced, a card declined). */
        FAILED,
        /** The debtor left, or the checkout expired. */
        CANCELLED,
        /** Anything else the provider tells (a SEPA debit still pending): nothing to do yet. */
        IGNORED
    }
}

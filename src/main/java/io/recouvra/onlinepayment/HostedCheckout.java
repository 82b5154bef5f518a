package io.recouvra.onlinepayment;

/** A checkout open at the provider: where to send the debtor, and the provider's id for it. */
public record HostedCheckout(String redirectUrl, String sessionId) {
}

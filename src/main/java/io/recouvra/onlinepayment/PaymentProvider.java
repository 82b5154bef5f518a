package io.recouvra.onlinepayment;

/**
 * A payment service provider seen from Recouvra: it hosts the page where the debtor pays, and tells
 * us afterwards, through a signed webhook, what became of the payment.
 */
public interface PaymentProvider {

    /** The name in the webhook path {@code /webhooks/payments/{provider}}. */
    String name();

    /** Opens a hosted checkout; the debtor is sent to its redirect URL. */
    HostedCheckout createCheckout(CheckoutRequest request);

    /**
     * Reads a webhook call, refusing it unless the provider's signature over the raw body is valid:
     * the body must be passed exactly as received, since a single changed byte breaks the signature.
     *
     * @throws ForgedWebhookException when the signature is missing, wrong or too old
     */
    ProviderEvent verifiedEvent(String rawBody, String signatureHeader);
}

package io.recouvra.onlinepayment;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payment service provider seen from Recouvra: it hosts the page where the debtor pays, and tells
 * us afterwards, through a signed webhook, what became of the payment.
 */
public interface PaymentProvider {

    /** The name in the webhook path {@code /webhooks/payments/{provider}}. */
    String name();

    /** The ways to pay its page offers. */
    default Set<PaymentMethod> methods() {
        return EnumSet.allOf(PaymentMethod.class);
    }

    /**
     * The origin (scheme, host) of its hosted page, which the portal's form must be allowed to send the debtor to
     * (browsers apply the page's CSP {@code form-action} to the redirect after the form); null when the page is ours.
     */
    String checkoutOrigin();

    /** The HTTP header its webhook calls carry their signature in. */
    String signatureHeader();

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

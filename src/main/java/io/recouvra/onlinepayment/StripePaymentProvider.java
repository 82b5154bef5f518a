package io.recouvra.onlinepayment;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentMethodType;
import io.recouvra.onlinepayment.ProviderEvent.Outcome;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.util.StringUtils;

/**
 * Stripe's hosted Checkout, by card or SEPA direct debit, through the {@code stripe-java} SDK. A SEPA
 * debit is confirmed days after the checkout completes: only "paid" sessions and the later
 * {@code async_payment_succeeded} event book a payment.
 */
class StripePaymentProvider implements PaymentProvider {

    static final String NAME = "stripe";
    static final String CHECKOUT_ORIGIN = "https://checkout.stripe.com";
    static final String SIGNATURE_HEADER = "Stripe-Signature";
    static final String CHECKOUT_METADATA = "recouvra_checkout_id";

    private final StripeClient stripe;
    private final String webhookSecret;

    StripePaymentProvider(StripeSettings settings) {
        if (!StringUtils.hasText(settings.secretKey()) || !StringUtils.hasText(settings.webhookSecret())) {
            throw new IllegalStateException("Stripe needs recouvra.payments.stripe.secret-key and webhook-secret");
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(settings.secretKey());
        if (StringUtils.hasText(settings.apiBase())) {
            builder.setApiBase(settings.apiBase());
        }
        this.stripe = builder.build();
        this.webhookSecret = settings.webhookSecret();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checkoutOrigin() {
        return CHECKOUT_ORIGIN;
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public HostedCheckout createCheckout(CheckoutRequest request) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setLocale("en".equals(request.language()) ? SessionCreateParams.Locale.EN : SessionCreateParams.Locale.FR)
                .setClientReferenceId(request.checkoutId().toString())
                .putMetadata(CHECKOUT_METADATA, request.checkoutId().toString())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl());
        if (request.method() != PaymentMethod.SEPA_DEBIT) {
            params.addPaymentMethodType(PaymentMethodType.CARD);
        }
        if (request.method() != PaymentMethod.CARD) {
            params.addPaymentMethodType(PaymentMethodType.SEPA_DEBIT);
        }
        for (CheckoutRequest.Line line : request.lines()) {
            params.addLineItem(LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(PriceData.builder()
                            .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                            .setUnitAmount(minorUnits(line.amount()))
                            .setProductData(PriceData.ProductData.builder().setName("Invoice " + line.invoiceNumber()).build())
                            .build())
                    .build());
        }
        try {
            Session session = stripe.checkout().sessions().create(params.build());
            return new HostedCheckout(session.getUrl(), session.getId());
        } catch (StripeException e) {
            throw new ProviderUnavailableException("Stripe refused the checkout " + request.checkoutId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ProviderEvent verifiedEvent(String rawBody, String signatureHeader) {
        if (!StringUtils.hasText(signatureHeader)) {
            throw new ForgedWebhookException("no Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, webhookSecret);
        } catch (SignatureVerificationException e) {
            throw new ForgedWebhookException("Stripe signature does not match", e);
        }
        StripeObject object = event.getDataObjectDeserializer().getObject()
                // an event of another API version than the SDK's: its session fields are still read
                .orElseGet(() -> unsafeObject(event));
        if (!(object instanceof Session session)) {
            return new ProviderEvent(event.getId(), Outcome.IGNORED, null, null, null);
        }
        return new ProviderEvent(event.getId(), outcome(event.getType(), session), session.getId(),
                session.getAmountTotal() == null ? null : BigDecimal.valueOf(session.getAmountTotal(), 2),
                session.getCurrency() == null ? null : session.getCurrency().toUpperCase(Locale.ROOT));
    }

    private static Outcome outcome(String type, Session session) {
        return switch (type) {
            case "checkout.session.completed" -> "paid".equals(session.getPaymentStatus()) ? Outcome.PAID : Outcome.IGNORED;
            case "checkout.session.async_payment_succeeded" -> Outcome.PAID;
            case "checkout.session.async_payment_failed" -> Outcome.FAILED;
            case "checkout.session.expired" -> Outcome.CANCELLED;
            default -> Outcome.IGNORED;
        };
    }

    private static StripeObject unsafeObject(Event event) {
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** Stripe counts in the currency's smallest unit; Recouvra's currencies (EUR and the like) have cents. */
    static long minorUnits(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}

package io.recouvra.onlinepayment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe's keys, from the environment ({@code RECOUVRA_PAYMENTS_STRIPE_SECRET_KEY},
 * {@code RECOUVRA_PAYMENTS_STRIPE_WEBHOOK_SECRET}); there is no default. The API base is Stripe's
 * own unless a test points it at a local fake.
 */
@ConfigurationProperties("recouvra.payments.stripe")
public record StripeSettings(String secretKey, String webhookSecret, String apiBase) {
}

package io.recouvra.onlinepayment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import io.recouvra.onlinepayment.ProviderEvent.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local fake of Stripe's API, and webhooks signed the way Stripe signs them. */
class StripePaymentProviderTest {

    private static final String SECRET_KEY = "sk_test_recouvra";
    private static final String WEBHOOK_SECRET = "whsec_test_recouvra";

    private WireMockServer stripeApi;
    private StripePaymentProvider stripe;

    @BeforeEach
    void fakeStripe() {
        stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
        stripeApi.start();
        stripe = new StripePaymentProvider(new StripeSettings(SECRET_KEY, WEBHOOK_SECRET, stripeApi.baseUrl()));
    }

    @AfterEach
    void stop() {
        stripeApi.stop();
    }

    @Test
    void aCheckoutIsOneLinePerInvoiceByCardOrSepaWithOurReference() {
        stripeApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_test_42\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.com/c/pay/cs_test_42\"}")));
        UUID checkoutId = UUID.randomUUID();

        HostedCheckout checkout = stripe.createCheckout(new CheckoutRequest(checkoutId, UUID.randomUUID(),
                List.of(new CheckoutRequest.Line("F-2026-001", new BigDecimal("1250.50")),
                        new CheckoutRequest.Line("F-2026-002", new BigDecimal("99.00"))),
                "EUR", null, "fr", "https://recouvra.example/paid", "https://recouvra.example/cancelled"));

        assertThat(checkout).isEqualTo(new HostedCheckout("https://checkout.stripe.com/c/pay/cs_test_42", "cs_test_42"));
        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("locale", equalTo("fr"))
                .withFormParam("payment_method_types[0]", equalTo("card"))
                .withFormParam("payment_method_types[1]", equalTo("sepa_debit"))
                .withFormParam("client_reference_id", equalTo(checkoutId.toString()))
                .withFormParam("metadata[recouvra_checkout_id]", equalTo(checkoutId.toString()))
                .withFormParam("success_url", equalTo("https://recouvra.example/paid"))
                .withFormParam("cancel_url", equalTo("https://recouvra.example/cancelled"))
                .withFormParam("line_items[0][quantity]", equalTo("1"))
                .withFormParam("line_items[0][price_data][currency]", equalTo("eur"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("125050"))
                .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Invoice F-2026-001"))
                .withFormParam("line_items[1][price_data][unit_amount]", equalTo("9900"))
                .withFormParam("line_items[1][price_data][product_data][name]", equalTo("Invoice F-2026-002")));
    }

    @Test
    void theDebtorsChosenMethodAloneIsOfferedInTheirLanguage() {
        stripeApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_test_43\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.com/c/pay/cs_test_43\"}")));

        stripe.createCheckout(new CheckoutRequest(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new CheckoutRequest.Line("F-2026-003", new BigDecimal("10.00"))),
                "EUR", PaymentMethod.SEPA_DEBIT, "en", "https://recouvra.example/paid", "https://recouvra.example/cancelled"));

        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("locale", equalTo("en"))
                .withFormParam("payment_method_types[0]", equalTo("sepa_debit"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("payment_method_types%5B1%5D"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("1000")));
        assertThat(stripe.checkoutOrigin()).isEqualTo("https://checkout.stripe.com");
    }

    @Test
    void aPaidSessionSignedByStripeIsReadAsPaid() {
        String body = event("evt_1", "checkout.session.completed", "paid");

        ProviderEvent event = stripe.verifiedEvent(body, stripeSignature(WEBHOOK_SECRET, body));

        assertThat(event).isEqualTo(new ProviderEvent("evt_1", Outcome.PAID, "cs_test_42", new BigDecimal("1349.50"), "EUR"));
    }

    @Test
    void aSepaDebitIsPaidWhenItSucceedsLaterNotWhenTheCheckoutCompletes() {
        String completed = event("evt_2", "checkout.session.completed", "unpaid");
        String succeeded = event("evt_3", "checkout.session.async_payment_succeeded", "paid");
        String failed = event("evt_4", "checkout.session.async_payment_failed", "unpaid");
        String expired = event("evt_5", "checkout.session.expired", "unpaid");

        assertThat(stripe.verifiedEvent(completed, stripeSignature(WEBHOOK_SECRET, completed)).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(stripe.verifiedEvent(succeeded, stripeSignature(WEBHOOK_SECRET, succeeded)).outcome()).isEqualTo(Outcome.PAID);
        assertThat(stripe.verifiedEvent(failed, stripeSignature(WEBHOOK_SECRET, failed)).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(stripe.verifiedEvent(expired, stripeSignature(WEBHOOK_SECRET, expired)).outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void aForgedTamperedOrUnsignedWebhookIsRefused() {
        String body = event("evt_6", "checkout.session.completed", "paid");
        String tampered = body.replace("134950", "999999");

        assertThatThrownBy(() -> stripe.verifiedEvent(body, stripeSignature("whsec_someone_else", body)))
                .isInstanceOf(ForgedWebhookException.class);
        assertThatThrownBy(() -> stripe.verifiedEvent(tampered, stripeSignature(WEBHOOK_SECRET, body)))
                .isInstanceOf(ForgedWebhookException.class);
        assertThatThrownBy(() -> stripe.verifiedEvent(body, null)).isInstanceOf(ForgedWebhookException.class);
    }

    @Test
    void withoutKeysStripeIsNotStarted() {
        assertThatThrownBy(() -> new StripePaymentProvider(new StripeSettings(SECRET_KEY, "", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("webhook-secret");
    }

    private static String event(String id, String type, String paymentStatus) {
        return """
                {"id":"%s","object":"event","type":"%s","api_version":"%s","created":1764750000,
                 "data":{"object":{"id":"cs_test_42","object":"checkout.session","amount_total":134950,
                 "currency":"eur","payment_status":"%s"}}}""".formatted(id, type, Stripe.API_VERSION, paymentStatus);
    }

    /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under the endpoint's secret. */
    static String stripeSignature(String secret, String body) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

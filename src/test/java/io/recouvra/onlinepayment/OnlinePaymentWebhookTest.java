package io.recouvra.onlinepayment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.recouvra.onlinepayment.StripePaymentProviderTest.stripeSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Stripe's webhook on the running application: signed or refused, booked once, allocated as the debtor chose. */
@RecouvraTest
class OnlinePaymentWebhookTest {

    private static final String WEBHOOK_SECRET = "whsec_test_webhook_endpoint";
    private static final WireMockServer STRIPE_API = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        STRIPE_API.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("recouvra.payments.stripe.secret-key", () -> "sk_test_webhook");
        properties.add("recouvra.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        properties.add("recouvra.payments.stripe.api-base", STRIPE_API::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE_API.stop();
    }

    @Autowired
    Api api;
    @Autowired
    OnlinePayments onlinePayments;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    JdbcTemplate jdbc;

    private UUID debtor;
    private String first;
    private String second;
    private String session;

    @BeforeEach
    void aDebtorWithTwoOverdueInvoicesAtCheckout() {
        debtor = customers.register(TestData.debtor("Boulangerie", TestData.wellRatedSiren(bureau), "FR")).getId();
        LocalDate today = LocalDate.now();
        first = TestData.invoiceNumber();
        second = TestData.invoiceNumber();
        invoices.register(new NewInvoice(first, debtor, null, today.minusDays(60), today.minusDays(30), new BigDecimal("800.00"), "EUR"));
        invoices.register(new NewInvoice(second, debtor, null, today.minusDays(50), today.minusDays(20), new BigDecimal("500.00"), "EUR"));
        session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        STRIPE_API.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.com/c/pay/" + session + "\"}")));
    }

    @Test
    void aPaidCheckoutIsBookedOnceOnTheInvoicesChosenAndALaterFailureChangesNothing() {
        checkout(new BigDecimal("800.00"), new BigDecimal("200.00"));
        String paid = event("evt_paid_" + session, "checkout.session.completed", 100000, "paid");

        assertThat(deliver(paid, stripeSignature(WEBHOOK_SECRET, paid))).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deliver(paid, stripeSignature(WEBHOOK_SECRET, paid))).isEqualTo(HttpStatus.NO_CONTENT);
        String failedLater = event("evt_failed_" + session, "checkout.session.async_payment_failed", 100000, "unpaid");
        assertThat(deliver(failedLater, stripeSignature(WEBHOOK_SECRET, failedLater))).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(paymentsOfDebtor()).isEqualTo(1);
        assertThat(invoices.get(first).isSettled()).isTrue();
        assertThat(invoices.get(second).getOutstanding()).isEqualByComparingTo("300.00");
        assertThat(state()).isEqualTo("PAID");
    }

    @Test
    void aForgedOrUnsignedWebhookIsRefusedAndStoresNothing() {
        checkout(new BigDecimal("800.00"), new BigDecimal("500.00"));
        String paid = event("evt_forged_" + session, "checkout.session.completed", 130000, "paid");

        assertThat(deliver(paid, stripeSignature("whsec_not_ours", paid))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(paid, null)).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(paymentsOfDebtor()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.online_payment_event where session_id = ?", Integer.class, session)).isZero();
        assertThat(state()).isEqualTo("OPEN");
    }

    @Test
    void aCancellationBooksNothingAndAPaymentArrivingAfterItIsNotBooked() {
        checkout(new BigDecimal("800.00"), new BigDecimal("500.00"));
        String expired = event("evt_expired_" + session, "checkout.session.expired", 130000, "unpaid");
        String paidLate = event("evt_late_" + session, "checkout.session.completed", 130000, "paid");

        deliver(expired, stripeSignature(WEBHOOK_SECRET, expired));
        deliver(paidLate, stripeSignature(WEBHOOK_SECRET, paidLate));

        assertThat(state()).isEqualTo("CANCELLED");
        assertThat(paymentsOfDebtor()).isZero();
    }

    @Test
    void onlyTheCustomersOwnInvoicesForAtMostWhatIsStillDueCanBePaid() {
        String someoneElses = TestData.invoiceNumber();
        UUID other = customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
        invoices.register(new NewInvoice(someoneElses, other, null, LocalDate.now().minusDays(40), LocalDate.now().minusDays(10),
                new BigDecimal("100.00"), "EUR"));

        assertThatThrownBy(() -> onlinePayments.startCheckout("stripe", debtor, List.of(
                new OnlinePayments.Choice(first, new BigDecimal("800.01")),
                new OnlinePayments.Choice(second, BigDecimal.ZERO),
                new OnlinePayments.Choice(someoneElses, BigDecimal.TEN)), "https://x.example/ok", "https://x.example/ko"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("invoices[0].amount", "invoices[1].amount", "invoices[2].invoiceNumber"));
    }

    private void checkout(BigDecimal onFirst, BigDecimal onSecond) {
        onlinePayments.startCheckout("stripe", debtor, List.of(new OnlinePayments.Choice(first, onFirst),
                new OnlinePayments.Choice(second, onSecond)), "https://recouvra.example/ok", "https://recouvra.example/ko");
    }

    private HttpStatus deliver(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("Stripe-Signature", signature);
        }
        return HttpStatus.valueOf(api.anonymous().postForEntity("/webhooks/payments/stripe", new HttpEntity<>(body, headers), Void.class)
                .getStatusCode().value());
    }

    private String event(String id, String type, long cents, String paymentStatus) {
        return """
                {"id":"%s","object":"event","type":"%s","api_version":"%s","created":1764750000,
                 "data":{"object":{"id":"%s","object":"checkout.session","amount_total":%d,
                 "currency":"eur","payment_status":"%s"}}}""".formatted(id, type, Stripe.API_VERSION, session, cents, paymentStatus);
    }

    private int paymentsOfDebtor() {
        return jdbc.queryForObject("select count(*) from recouvra.payment where customer_id = ?", Integer.class, debtor);
    }

    private String state() {
        return jdbc.queryForObject("select state from recouvra.online_checkout where provider = 'stripe' and session_id = ?", String.class, session);
    }
}

package io.recouvra.onlinepayment;

import static io.recouvra.onlinepayment.StripePaymentProviderTest.stripeSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import io.recouvra.portal.PortalTest;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment webhook on the running application (the portal's test context, which has Stripe's test keys and the
 * sandbox): signed or refused, booked once per event and once per checkout, allocated as the debtor chose.
 *
 * <p>Worked example used throughout: invoice "first" of 800.00 EUR and "second" of 500.00 EUR, both overdue.
 */
@PortalTest
class OnlinePaymentWebhookTest {

    private static final String WEBHOOK_SECRET = "whsec_test_portal_webhook";
    private static final String LINK_ACTOR = "debtor via portal link test-link-id";

    @Autowired
    Api api;
    @Autowired
    OnlinePayments onlinePayments;
    @Autowired
    SandboxPaymentProvider sandbox;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;

    private UUID debtor;
    private String first;
    private String second;
    private String session;

    @BeforeEach
    void aDebtorWithTwoOverdueInvoices() {
        debtor = customers.register(TestData.debtor("Boulangerie", TestData.wellRatedSiren(bureau), "FR")).getId();
        LocalDate today = LocalDate.now();
        first = TestData.invoiceNumber();
        second = TestData.invoiceNumber();
        invoices.register(new NewInvoice(first, debtor, null, today.minusDays(60), today.minusDays(30), new BigDecimal("800.00"), "EUR"));
        invoices.register(new NewInvoice(second, debtor, null, today.minusDays(50), today.minusDays(20), new BigDecimal("500.00"), "EUR"));
        session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aPaidCheckoutIsBookedOnceOnTheInvoicesChosenAndALaterFailureChangesNothing() {
        // 800.00 on first + 200.00 on second = 1000.00 (100000 cents): first settled, second 500.00 - 200.00 = 300.00
        stripeCheckout("800.00", "200.00");
        String paid = event("evt_paid_" + session, "checkout.session.completed", 100000, "paid");

        assertThat(deliver(paid, stripeSignature(WEBHOOK_SECRET, paid))).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deliver(paid, stripeSignature(WEBHOOK_SECRET, paid))).as("the same event replayed").isEqualTo(HttpStatus.NO_CONTENT);
        String failedLater = event("evt_failed_" + session, "checkout.session.async_payment_failed", 100000, "unpaid");
        assertThat(deliver(failedLater, stripeSignature(WEBHOOK_SECRET, failedLater))).isEqualTo(HttpStatus.NO_CONTENT);
        String paidAgain = event("evt_paid_again_" + session, "checkout.session.async_payment_succeeded", 100000, "paid");
        deliver(paidAgain, stripeSignature(WEBHOOK_SECRET, paidAgain));

        assertThat(paymentsOfDebtor()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select amount from recouvra.payment where customer_id = ?", BigDecimal.class, debtor))
                .isEqualByComparingTo("1000.00");
        assertThat(invoices.get(first).isSettled()).isTrue();
        assertThat(invoices.get(second).getOutstanding()).isEqualByComparingTo("300.00");
        assertThat(state()).isEqualTo("PAID");
        assertThat(trail.latestOfCustomer(debtor, 1)).singleElement().satisfies(entry -> {
            assertThat(entry.getActor()).isEqualTo(LINK_ACTOR);
            assertThat(entry.getSummary()).contains("Online payment of 1000.00 EUR received at stripe", LINK_ACTOR);
        });
    }

    @Test
    void aSepaDebitIsBookedWhenItSucceedsNotWhenTheCheckoutCompletes() {
        stripeCheckout("800.00", "500.00");
        String pending = event("evt_pending_" + session, "checkout.session.completed", 130000, "unpaid");
        String succeeded = event("evt_succeeded_" + session, "checkout.session.async_payment_succeeded", 130000, "paid");

        deliver(pending, stripeSignature(WEBHOOK_SECRET, pending));
        assertThat(paymentsOfDebtor()).as("pending").isZero();
        assertThat(state()).isEqualTo("OPEN");
        deliver(succeeded, stripeSignature(WEBHOOK_SECRET, succeeded));
        deliver(pending, stripeSignature(WEBHOOK_SECRET, pending));

        assertThat(paymentsOfDebtor()).isEqualTo(1);
        assertThat(invoices.get(first).isSettled()).isTrue();
        assertThat(invoices.get(second).isSettled()).isTrue();
    }

    @Test
    void aForgedOrUnsignedWebhookIsRefusedAndStoresNothing() {
        stripeCheckout("800.00", "500.00");
        String paid = event("evt_forged_" + session, "checkout.session.completed", 130000, "paid");

        assertThat(deliver(paid, stripeSignature("whsec_not_ours", paid))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliver(paid, null)).isEqualTo(HttpStatus.FORBIDDEN);
        String tampered = paid.replace("130000", "1");
        assertThat(deliver(tampered, stripeSignature(WEBHOOK_SECRET, paid))).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post("/webhooks/payments/nobody", "Stripe-Signature", paid, stripeSignature(WEBHOOK_SECRET, paid)))
                .as("no such provider").isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(paymentsOfDebtor()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.online_payment_event where session_id = ?", Integer.class, session)).isZero();
        assertThat(state()).isEqualTo("OPEN");
        assertThat(invoices.get(first).getOutstanding()).isEqualByComparingTo("800.00");
    }

    @Test
    void aCancellationBooksNothingAndAPaymentArrivingAfterItIsNotBooked() {
        stripeCheckout("800.00", "500.00");
        String expired = event("evt_expired_" + session, "checkout.session.expired", 130000, "unpaid");
        String paidLate = event("evt_late_" + session, "checkout.session.completed", 130000, "paid");

        deliver(expired, stripeSignature(WEBHOOK_SECRET, expired));
        deliver(paidLate, stripeSignature(WEBHOOK_SECRET, paidLate));

        assertThat(state()).isEqualTo("CANCELLED");
        assertThat(paymentsOfDebtor()).isZero();
    }

    @Test
    void lessThanTheCheckoutIsBookedAsReceivedOnTheInvoicesInTheirOrderAndNoted() {
        // checkout 800.00 + 500.00 = 1300.00; Stripe reports 1000.00: first takes 800.00, second the 200.00 left,
        // so second still owes 500.00 - 200.00 = 300.00
        stripeCheckout("800.00", "500.00");
        String paid = event("evt_short_" + session, "checkout.session.completed", 100000, "paid");

        deliver(paid, stripeSignature(WEBHOOK_SECRET, paid));

        assertThat(jdbc.queryForObject("select amount from recouvra.payment where customer_id = ?", BigDecimal.class, debtor))
                .isEqualByComparingTo("1000.00");
        assertThat(invoices.get(first).isSettled()).isTrue();
        assertThat(invoices.get(second).getOutstanding()).isEqualByComparingTo("300.00");
        assertThat(trail.latestOfCustomer(debtor, 1).get(0).getSummary())
                .contains("1000.00 EUR", "the checkout was for 1300.00 EUR, booked as received");
    }

    @Test
    void moreThanTheCheckoutIsBookedAsReceivedTheExcessLeftAsCredit() {
        // checkout 800.00 on first only; Stripe reports 900.00: first settled, 100.00 unallocated, second untouched
        stripeCheckout("800.00", null);
        String paid = event("evt_over_" + session, "checkout.session.completed", 90000, "paid");

        deliver(paid, stripeSignature(WEBHOOK_SECRET, paid));

        assertThat(invoices.get(first).isSettled()).isTrue();
        assertThat(invoices.get(second).getOutstanding()).isEqualByComparingTo("500.00");
        assertThat(jdbc.queryForObject("select p.amount - coalesce((select sum(a.amount) from recouvra.payment_allocation a "
                + "where a.payment_id = p.id), 0) from recouvra.payment p where p.customer_id = ?", BigDecimal.class, debtor))
                .isEqualByComparingTo("100.00");
    }

    @Test
    void aSandboxEventNeedsTheRunsSignature() {
        HostedCheckout checkout = onlinePayments.startCheckout(SandboxPaymentProvider.NAME, debtor,
                List.of(new OnlinePayments.Choice(first, new BigDecimal("800.00"))), PaymentMethod.CARD, "fr", returns());
        SandboxPaymentProvider.SignedEvent paid = sandbox.events(checkout.sessionId(), SandboxPaymentProvider.Simulation.SUCCEEDS).get(0);
        SandboxPaymentProvider someoneElse = new SandboxPaymentProvider();

        assertThat(deliverSandbox(paid.body(), someoneElse.signed(paid.body()).signature())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deliverSandbox(paid.body(), "v1=00")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paymentsOfDebtor()).isZero();

        assertThat(deliverSandbox(paid.body(), paid.signature())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deliverSandbox(paid.body(), paid.signature())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(paymentsOfDebtor()).isEqualTo(1);
        assertThat(invoices.get(first).isSettled()).isTrue();
    }

    @Test
    void onlyTheCustomersOwnInvoicesForAtMostWhatIsStillDueCanBePaid() {
        String someoneElses = TestData.invoiceNumber();
        UUID other = customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
        invoices.register(new NewInvoice(someoneElses, other, null, LocalDate.now().minusDays(40), LocalDate.now().minusDays(10),
                new BigDecimal("100.00"), "EUR"));

        assertThatThrownBy(() -> onlinePayments.startCheckout(SandboxPaymentProvider.NAME, debtor, List.of(
                new OnlinePayments.Choice(first, new BigDecimal("800.01")),
                new OnlinePayments.Choice(second, BigDecimal.ZERO),
                new OnlinePayments.Choice(someoneElses, BigDecimal.TEN)), PaymentMethod.CARD, "fr", returns()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("invoices[0].amount", "invoices[1].amount", "invoices[2].invoiceNumber"));
        assertThatThrownBy(() -> onlinePayments.startCheckout(debtor, List.of(someoneElses), PaymentMethod.CARD, "fr", returns()))
                .as("by number, as the portal asks").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("invoices[0].invoiceNumber", "no invoice " + someoneElses));
        assertThat(jdbc.queryForObject("select count(*) from recouvra.online_checkout where customer_id in (?, ?)", Integer.class,
                debtor, other)).isZero();
    }

    /**
     * Insolvency proceedings opened 40 days ago: the first invoice (issued 60 days ago) was born before the opening
     * judgment, so the debtor may no longer pay it (C. com. L622-7); the second, issued 50 days ago, too. One issued 10
     * days ago, after the judgment, is paid as usual (L622-17).
     */
    @Test
    void invoicesBornBeforeTheOpeningJudgmentCannotBePaidOnlineLaterOnesCan() {
        String afterJudgment = TestData.invoiceNumber();
        invoices.register(new NewInvoice(afterJudgment, debtor, null, LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
                new BigDecimal("300.00"), "EUR"));
        customers.reportInsolvency(debtor, LocalDate.now().minusDays(40));

        assertThat(onlinePayments.payableInvoices(debtor)).extracting(Invoice::getNumber).containsExactly(afterJudgment);
        assertThatThrownBy(() -> onlinePayments.startCheckout(debtor, List.of(first, afterJudgment), PaymentMethod.CARD, "fr", returns()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("invoices[0].invoiceNumber", "L622-7").doesNotContain("invoices[1]"));
        assertThat(jdbc.queryForObject("select count(*) from recouvra.online_checkout where customer_id = ?", Integer.class, debtor))
                .isZero();
    }

    /**
     * A checkout as {@code startCheckout} leaves it after Stripe opened its session: Stripe's API is not called here
     * (its request's shape is {@code StripePaymentProviderTest}'s), so the rows are written as the service writes them.
     */
    private void stripeCheckout(String onFirst, String onSecond) {
        UUID id = UUID.randomUUID();
        BigDecimal total = new BigDecimal(onFirst).add(onSecond == null ? BigDecimal.ZERO : new BigDecimal(onSecond));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into recouvra.online_checkout (id, customer_id, provider, session_id, currency, amount, method, state, "
                + "started_by, created_at, updated_at) values (?, ?, 'stripe', ?, 'EUR', ?, 'CARD', 'OPEN', ?, ?, ?)", id, debtor, session,
                total, LINK_ACTOR, now, now);
        jdbc.update("insert into recouvra.online_checkout_line values (?, 0, ?, ?)", id, first, new BigDecimal(onFirst));
        if (onSecond != null) {
            jdbc.update("insert into recouvra.online_checkout_line values (?, 1, ?, ?)", id, second, new BigDecimal(onSecond));
        }
    }

    private static OnlinePayments.ReturnPages returns() {
        return new OnlinePayments.ReturnPages("https://recouvra.example/ok", "https://recouvra.example/ko");
    }

    private HttpStatus deliver(String body, String signature) {
        return post("/webhooks/payments/stripe", "Stripe-Signature", body, signature);
    }

    private HttpStatus deliverSandbox(String body, String signature) {
        return post("/webhooks/payments/sandbox", SandboxPaymentProvider.SIGNATURE_HEADER, body, signature);
    }

    private HttpStatus post(String path, String header, String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set(header, signature);
        }
        return HttpStatus.valueOf(api.anonymous().postForEntity(path, new HttpEntity<>(body, headers), Void.class)
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

package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Payer en ligne" over HTTP, with the sandbox provider: the form, what it refuses (nothing stored), and a payment
 * through the sandbox's page and the webhook to the return page.
 *
 * <p>Worked example: invoices of 1 234,56 € (due 10 Oct. 2026) and 99,00 € (due 20 Nov. 2026); the whole balance is
 * 1 234,56 + 99,00 = 1 333,56 €.
 */
@PortalTest
class PayOnlineTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile("RECOUVRA-PORTAL-CSRF=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private UUID customerId;
    private String big;
    private String small;
    private String token;

    @BeforeEach
    void aDebtorWithTwoInvoices() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        customerId = debtor("Boulangeries Martin SAS");
        big = invoice(customerId, LocalDate.of(2026, 10, 10), "1234.56");
        small = invoice(customerId, LocalDate.of(2026, 11, 20), "99.00");
        token = tokens.issue(customerId, Purpose.VIEW);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theOwedPageOffersPayOnlineAndTheFormShowsWhatIsStillDue() throws Exception {
        assertThat(get("/portal/" + token).body()).contains("/portal/" + token + "/pay", "Payer en ligne");

        Page form = get("/portal/" + token + "/pay");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Tout le solde : 1 333,56 €", "Facture " + big + ", échéance le 10 oct. 2026 : 1 234,56 €",
                "Facture " + small + ", échéance le 20 nov. 2026 : 99,00 €", "Carte bancaire", "Prélèvement SEPA", "name=\"_csrf\"");
        assertThat(form.header("Content-Security-Policy")).contains("form-action 'self';");
        assertThat(get("/portal/" + token + "/pay?lang=en").body()).contains("Pay online", "The whole balance: €1,333.56");
    }

    @Test
    void theFormLetsThePaymentGoToTheProvidersOriginOnly() {
        assertThat(PayOnlineController.policy("https://checkout.stripe.com"))
                .contains("form-action 'self' https://checkout.stripe.com;", "default-src 'none'");
        assertThat(PayOnlineController.policy(null)).contains("form-action 'self';");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndStartsNothing() throws Exception {
        Page refused = send("/portal/" + token + "/pay", Map.of("scope", "all", "method", "CARD"), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(checkouts(customerId)).isZero();
    }

    @Test
    void anotherCustomersInvoiceIsRefusedAndNothingIsCreated() throws Exception {
        UUID other = debtor("Garage Voisin");
        String theirs = invoice(other, LocalDate.of(2026, 10, 1), "50.00");

        Page refused = post("/portal/" + token + "/pay", Map.of("scope", "chosen", "invoice", theirs, "method", "CARD"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Une des factures choisies ne fait pas partie de celles que vous pouvez régler ici.")
                .doesNotContain(theirs);
        assertThat(checkouts(customerId) + checkouts(other)).isZero();
    }

    @Test
    void nothingChosenOrNoWayToPayIsSaidNextToTheFieldAndTypedHtmlComesBackAsText() throws Exception {
        Page none = post("/portal/" + token + "/pay", Map.of("scope", "chosen", "method", "CARD"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("id=\"invoices-error\"", "Cochez au moins une facture, ou choisissez tout le solde.");

        Page typed = post("/portal/" + token + "/pay", Map.of("scope", "<script>alert(1)</script>",
                "invoice", "<script>alert(2)</script>", "method", "<script>alert(3)</script>", "lang", "<script>alert(4)</script>"));
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.body()).doesNotContain("<script>").contains("id=\"method-error\"", "Choisissez un moyen de paiement.");
        assertThat(checkouts(customerId)).isZero();
    }

    @Test
    void aSandboxPaymentIsBookedByTheWebhookAndTheReturnPageSaysTheInvoiceIsSettled() throws Exception {
        assertThat(collections(big)).as("under dunning").isEqualTo(1);
        Page started = post("/portal/" + token + "/pay", Map.of("scope", "chosen", "invoice", big, "method", "CARD"));
        assertThat(started.status()).isEqualTo(303);
        String checkoutPage = URI.create(started.header("Location")).getPath();
        assertThat(checkoutPage).startsWith("/portal/sandbox/checkout/sbx_");
        assertThat(payments()).as("not booked by starting").isZero();

        Page sandbox = get(checkoutPage);
        assertThat(sandbox.body()).contains("SIMULATION", big, "1 234,56 €", "carte bancaire", "action=\"" + checkoutPage + "\"");
        Page back = post(checkoutPage, Map.of("outcome", "SUCCEEDS"));
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.header("Location")).contains("/portal/" + token + "/pay/").endsWith("/done?lang=fr");

        Page done = get(URI.create(back.header("Location")).getRawPath() + "?lang=fr");
        assertThat(done.body()).contains("Paiement reçu", "Nous avons bien reçu votre paiement de 1 234,56 €", big, "Réglée");
        assertThat(payments()).isEqualTo(1);
        assertThat(invoices.get(big).isSettled()).isTrue();
        assertThat(invoices.get(small).getOutstanding()).isEqualByComparingTo("99.00");
        assertThat(collections(big)).as("its dunning ended, as for any payment").isZero();
        assertThat(collections(small)).isEqualTo(1);
        assertThat(get("/portal/" + token).body()).doesNotContain("id=\"invoice-" + big + "\"").contains("id=\"invoice-" + small + "\"");
        assertThat(trail.latestOfCustomer(customerId, 5)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).contains("Online payment of 1234.56 EUR received at sandbox");
            assertThat(entry.getActor()).startsWith("debtor via portal link ");
        });
    }

    /**
     * Worked example: 1 200,00 € including 200,00 € VAT, 2,00 % off for a payment by 5 Dec. 2026; today is 25 Nov.
     * The discount is 1 200,00 × 2 % = 24,00 €, so 1 176,00 € settles the invoice; the ledger books the 24,00 € as a
     * credit note in the invoice's own VAT proportion: 24,00 × 200 / 1 200 = 4,00 € VAT and 20,00 € excluding VAT.
     */
    @Test
    void whileItsDiscountAppliesTheInvoiceIsPaidOnlineForTheDiscountedAmountAndTheDiscountIsBookedAsACreditNote() throws Exception {
        String discounted = TestData.invoiceNumber();
        invoices.register(new NewInvoice(discounted, customerId, null, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20),
                new BigDecimal("1200.00"), "EUR", null, new BigDecimal("1000.00"), new BigDecimal("200.00"),
                new BigDecimal("2.00"), LocalDate.of(2026, 12, 5)));

        assertThat(get("/portal/" + token + "/pay").body()).contains("Facture " + discounted + ", échéance le 20 déc. 2026 : "
                + "1 176,00 € avec l&#39;escompte de 2,00 % pour un paiement au plus tard le 5 déc. 2026 (au lieu de 1 200,00 €)");
        assertThat(get("/portal/" + token + "/pay?lang=en").body()).contains("€1,176.00 with the 2.00% early-payment discount "
                + "for paying by 5 Dec 2026 (instead of €1,200.00)");

        Page started = post("/portal/" + token + "/pay", Map.of("scope", "chosen", "invoice", discounted, "method", "CARD"));
        String checkoutPage = URI.create(started.header("Location")).getPath();
        assertThat(get(checkoutPage).body()).contains("1 176,00 €");
        post(checkoutPage, Map.of("outcome", "SUCCEEDS"));

        assertThat(invoices.get(discounted).isSettled()).isTrue();
        assertThat(jdbc.queryForMap("select n.number, n.amount, n.amount_excl_vat, n.vat from recouvra.credit_note n "
                + "join recouvra.invoice i on i.id = n.invoice_id where i.number = ? and n.early_payment_discount", discounted))
                .containsEntry("number", "ESC-" + discounted)
                .satisfies(note -> {
                    assertThat((BigDecimal) note.get("amount")).isEqualByComparingTo("24.00");
                    assertThat((BigDecimal) note.get("amount_excl_vat")).isEqualByComparingTo("20.00");
                    assertThat((BigDecimal) note.get("vat")).isEqualByComparingTo("4.00");
                });
    }

    @Test
    void afterItsDiscountDateTheWholeAmountIsAsked() throws Exception {
        String late = TestData.invoiceNumber();
        invoices.register(new NewInvoice(late, customerId, null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1),
                new BigDecimal("1200.00"), "EUR", null, new BigDecimal("1000.00"), new BigDecimal("200.00"),
                new BigDecimal("2.00"), LocalDate.of(2026, 11, 24)));

        assertThat(get("/portal/" + token + "/pay").body()).contains("Facture " + late + ", échéance le 1 déc. 2026 : 1 200,00 €<")
                .doesNotContain("escompte");
    }

    @Test
    void aFailedSandboxPaymentLeavesTheInvoicesOwed() throws Exception {
        Page started = post("/portal/" + token + "/pay", Map.of("scope", "all", "method", "SEPA_DEBIT"));
        String checkoutPage = URI.create(started.header("Location")).getPath();
        assertThat(get(checkoutPage).body()).contains("1 333,56 €", "prélèvement SEPA");

        Page back = post(checkoutPage, Map.of("outcome", "FAILS"));

        assertThat(back.header("Location")).endsWith("/cancelled?lang=fr");
        Page cancelled = get(URI.create(back.header("Location")).getRawPath());
        assertThat(cancelled.body()).contains("Paiement refusé", "rien n&#39;a été prélevé", "Reste dû : 1 234,56 €", "Reste dû : 99,00 €");
        assertThat(payments()).isZero();
    }

    @Test
    void anotherCustomersCheckoutIsNotFound() throws Exception {
        Page started = post("/portal/" + token + "/pay", Map.of("scope", "all", "method", "CARD"));
        String returnPath = post(URI.create(started.header("Location")).getPath(), Map.of("outcome", "IS_CANCELLED")).header("Location");
        String otherToken = tokens.issue(debtor("Autre Client"), Purpose.VIEW);

        String foreign = URI.create(returnPath).getRawPath().replace(token, otherToken);

        assertThat(get(foreign).status()).isEqualTo(404);
        assertThat(get(URI.create(returnPath).getRawPath()).body()).contains("Paiement annulé");
    }

    private record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Page get(String path) throws IOException, InterruptedException {
        return page(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts the form as a browser does: with the CSRF cookie and field of the page it was on (the form's own page). */
    private Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String formPage = path.startsWith("/portal/sandbox/") ? path : path + (path.contains("?") ? "&" : "?") + "lang=fr";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + formPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF_FIELD.matcher(page.body());
        Matcher cookie = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        assertThat(field.find()).as("a CSRF field on " + formPage).isTrue();
        assertThat(cookie.find()).as("a CSRF cookie from " + formPage).isTrue();
        var withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", field.group(1));
        return send(path, withToken, "RECOUVRA-PORTAL-CSRF=" + cookie.group(1));
    }

    private Page send(String path, Map<String, String> fields, String cookie) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return page(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** French amounts are grouped with a (narrow) no-break space: compared here as a plain space. */
    private static Page page(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.body().replace('\u202f', ' ').replace('\u00a0', ' '), response.headers());
    }

    private int checkouts(UUID customer) {
        return jdbc.queryForObject("select count(*) from recouvra.online_checkout where customer_id = ?", Integer.class, customer);
    }

    private long collections(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count();
    }

    private int payments() {
        return jdbc.queryForObject("select count(*) from recouvra.payment where customer_id = ?", Integer.class, customerId);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }
}

package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.collection.DebtorPlans;
import io.recouvra.collection.DebtorPlans.Stage;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Payer en ligne" for a payment plan's instalment, over HTTP with the sandbox provider, and the PaymentPlan process
 * seeing it paid.
 *
 * <p>Worked example, Wednesday 25 November 2026: invoices A of 450,00 € (due 26 Oct.) and C of 450,00 € (due 24 Nov.)
 * are under dunning; the debtor asks for 3 monthly instalments from 5 December: 900,00 / 3 = 300,00 € on 5 Dec. 2026,
 * 5 Jan. and 5 Feb. 2027 (PaymentPlanPolicy offers it at once and waives the interest if it is kept). Invoice B of
 * 99,00 € (due 20 Nov.) is not in the plan. The whole balance is 450,00 + 450,00 + 99,00 = 999,00 €.
 * <ul>
 *   <li>the first instalment, 300,00 €, goes to the oldest invoice of the plan: A owes 450,00 − 300,00 = 150,00 €;</li>
 *   <li>the next one, 300,00 €, is then A's last 150,00 € and 150,00 € of C (C owes 450,00 − 150,00 = 300,00 €).</li>
 * </ul>
 */
@PortalTest
class PayInstalmentOnlineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
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
    PaymentService payments;
    @Autowired
    DebtorPlans plans;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CreditBureau bureau;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private UUID customerId;
    private String a;
    private String b;
    private String c;
    private UUID planId;
    private String token;

    @BeforeEach
    void aDebtorWithARunningPlan() {
        EngineClock.moveTo(TODAY);
        TestRates.add(jdbc, "PayInstalmentOnlineTest", "2026-07-01");
        customerId = debtor("Boulangeries Échelonnées");
        a = invoiceInDunning(LocalDate.of(2026, 10, 26), "450.00");
        c = invoiceInDunning(LocalDate.of(2026, 11, 24), "450.00");
        b = invoiceInDunning(LocalDate.of(2026, 11, 20), "99.00");
        planId = plans.ask(customerId, List.of(a, c), 3, LocalDate.of(2026, 12, 5), "test");
        plans.assessNow(planId);
        plans.accept(customerId, planId);
        assertThat(plans.of(customerId, planId).orElseThrow().stage()).isEqualTo(Stage.ACCEPTED);
        token = tokens.issue(customerId, Purpose.VIEW);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        TestRates.remove(jdbc, "PayInstalmentOnlineTest");
    }

    @Test
    void theFormOffersTheNextInstalmentAndNoInvoiceOfThePlanOneByOne() throws Exception {
        Page form = get("/portal/" + token + "/pay");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Tout le solde : 999,00 €", "L&#39;échéance du 5 déc. 2026 : 300,00 €",
                "De votre plan de paiement (factures " + a + ", " + c + ")", "value=\"instalment-" + planId + "\"",
                "Facture " + b + ", échéance le 20 nov. 2026 : 99,00 €")
                .doesNotContain("name=\"invoice\" value=\"" + a + "\"").doesNotContain("name=\"invoice\" value=\"" + c + "\"");
        assertThat(get("/portal/" + token + "/pay?lang=en").body()).contains("The instalment due on 5 Dec 2026: €300.00",
                "Of your payment plan (invoices " + a + ", " + c + ")", "The whole balance: €999.00");

        Page ticked = post("/portal/" + token + "/pay", Map.of("scope", "chosen", "invoice", a, "method", "CARD"));
        assertThat(ticked.status()).as("a plan's invoice is not paid one by one").isEqualTo(422);
        assertThat(ticked.body()).contains("Une des factures choisies ne fait pas partie de celles que vous pouvez régler ici.");
        assertThat(checkouts()).isZero();
    }

    @Test
    void theInstalmentPaidOnlineIsAllocatedToThePlansInvoicesAndThePlanSeesItKept() throws Exception {
        Page started = post("/portal/" + token + "/pay", Map.of("scope", "instalment-" + planId, "method", "CARD"));
        assertThat(started.status()).isEqualTo(303);
        String checkoutPage = URI.create(started.header("Location")).getPath();
        assertThat(get(checkoutPage).body()).contains("300,00 €", a);

        Page back = post(checkoutPage, Map.of("outcome", "SUCCEEDS"));
        Page done = get(URI.create(back.header("Location")).getRawPath() + "?lang=fr");

        assertThat(done.body()).contains("Paiement reçu", "Nous avons bien reçu votre paiement de 300,00 €", a, "Reste dû : 150,00 €");
        assertThat(invoices.get(a).getOutstanding()).isEqualByComparingTo("150.00");
        assertThat(invoices.get(c).getOutstanding()).isEqualByComparingTo("450.00");
        assertThat(invoices.get(b).getOutstanding()).isEqualByComparingTo("99.00");
        assertThat(trail.latestOfCustomer(customerId, 10)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).startsWith("Portal: the debtor started an online payment (CARD) of the instalment of "
                    + "2026-12-05 of payment plan " + planId + " (300.00 to " + a + ")");
            assertThat(entry.getActor()).startsWith("debtor via portal link ");
        });
        // paid ahead: the next instalment, A's last 150,00 € and 150,00 € of C
        assertThat(get("/portal/" + token + "/pay").body()).contains("L&#39;échéance du 5 janv. 2027 : 300,00 €",
                "Tout le solde : 699,00 €");
        assertThat(plans.instalmentsDue(customerId)).singleElement().satisfies(due -> assertThat(due.shares()).containsExactly(
                new DebtorPlans.Share(a, new BigDecimal("150.00")), new DebtorPlans.Share(c, new BigDecimal("150.00"))));

        // the process checks the first instalment after its due date and grace: kept, no missed-instalment reminder
        EngineClock.moveTo(LocalDate.of(2026, 12, 20));
        ProcessInstance plan = runtime.createProcessInstanceQuery().processDefinitionKey("PaymentPlan")
                .processInstanceBusinessKey(planId.toString()).singleResult();
        collection.runJobs(plan);

        assertThat(collection.lastValue(plan, "instalmentIndex")).as("on to the second instalment").isEqualTo(2);
        assertThat(collection.lastValue(plan, "instalmentKept")).isEqualTo(true);
        assertThat(collection.lastValue(plan, "instalmentMisses")).isEqualTo(0);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where customer_id = ? and step like ?",
                Integer.class, customerId, "%missed-instalment%")).isZero();
        assertThat(jdbc.queryForObject("select status from recouvra.payment_plan where id = ?", String.class, planId))
                .isEqualTo("ACTIVE");
    }

    /**
     * A transfer of 100,00 € for invoice A on 25 November: what is left of the first instalment is 300,00 − 100,00 =
     * 200,00 €. On 10 January 2027 the instalments of 5 December and 5 January are both past and not paid:
     * 300,00 + 300,00 − 100,00 = 500,00 €, offered together; spread oldest invoice first: A's 450,00 − 100,00 = 350,00 €,
     * all of it, then 500,00 − 350,00 = 150,00 € of C.
     */
    @Test
    void overdueInstalmentsAreOfferedTogetherLessWhatWasPaidSince() throws Exception {
        payments.register(new NewPayment(customerId, new BigDecimal("100.00"), "EUR", TODAY, "VIR-" + UUID.randomUUID(),
                List.of(new NewPayment.Allocation(a, new BigDecimal("100.00")))));
        assertThat(get("/portal/" + token + "/pay").body()).as("what is left of the first").contains("L&#39;échéance du 5 déc. 2026 : 200,00 €");

        EngineClock.moveTo(LocalDate.of(2027, 1, 10));
        token = tokens.issue(customerId, Purpose.VIEW); // the first link has expired (30 days)

        assertThat(get("/portal/" + token + "/pay").body()).contains(
                "Les 2 échéances en retard, jusqu&#39;à celle du 5 janv. 2027 : 500,00 €");
        assertThat(get("/portal/" + token + "/pay?lang=en").body()).contains(
                "The 2 overdue instalments, up to the one due on 5 Jan 2027: €500.00");
        // A still owes 350,00 €, all of it; C the other 150,00 €
        assertThat(plans.instalmentsDue(customerId)).singleElement().satisfies(due -> assertThat(due.shares()).containsExactly(
                new DebtorPlans.Share(a, new BigDecimal("350.00")), new DebtorPlans.Share(c, new BigDecimal("150.00"))));
    }

    @Test
    void anotherCustomersPlanOrATypedOneIsRefusedAndThePostNeedsItsCsrfToken() throws Exception {
        UUID curious = debtor("Garage Curieux");
        invoices.register(new NewInvoice(TestData.invoiceNumber(), curious, null, TODAY.minusDays(30), TODAY, new BigDecimal("80.00"), "EUR"));
        Page forged = post("/portal/" + tokens.issue(curious, Purpose.VIEW) + "/pay",
                Map.of("scope", "instalment-" + planId, "method", "CARD"));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.body()).contains("Cette échéance n&#39;est plus due").doesNotContain("300,00");

        Page typed = post("/portal/" + token + "/pay", Map.of("scope", "instalment-<script>alert(1)</script>", "method", "CARD"));
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.body()).contains("Cette échéance n&#39;est plus due").doesNotContain("<script>");

        Page withoutCsrf = send("/portal/" + token + "/pay", Map.of("scope", "instalment-" + planId, "method", "CARD"), null);
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(checkouts()).isZero();
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
        String formPage = path.startsWith("/portal/sandbox/") ? path : path + "?lang=fr";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + formPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF_FIELD.matcher(page.body());
        Matcher cookie = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        assertThat(field.find()).as("a CSRF field on " + formPage).isTrue();
        assertThat(cookie.find()).as("a CSRF cookie from " + formPage).isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
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

    private int checkouts() {
        return jdbc.queryForObject("select count(*) from recouvra.online_checkout where customer_id = ?", Integer.class, customerId);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue de la République",
                "69002", "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private String invoiceInDunning(LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return number;
    }
}

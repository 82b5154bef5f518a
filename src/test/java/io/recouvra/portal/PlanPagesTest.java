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
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Plan de paiement" over HTTP: the offer's link from the PAYMENT_PLAN_AGREEMENT message opens the plan, accepting
 * it starts the plan as the API does, and nothing of another customer's plan is reachable.
 */
@PortalTest
class PlanPagesTest {

    /** Wednesday 25 November 2026; the invoice fell due the day before, so it is under dunning. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    DebtorPlans plans;
    @Autowired
    TaskService tasks;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CreditBureau bureau;

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
        TestRates.add(jdbc, "PlanPagesTest", "2026-07-01");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        TestRates.remove(jdbc, "PlanPagesTest");
    }

    @Test
    void aPlanAskedForIsOfferedAtOnceAndTheMessagesLinkOpensItAndAcceptsIt() {
        UUID customerId = debtor("Boulangerie Offre");
        String number = invoiceInDunning(customerId, "1500.00");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> asked = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans",
                Map.of("invoice", List.of(number), "instalments", List.of("3"), "firstDate", List.of("2026-12-05")));

        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        UUID planId = UUID.fromString(asked.getHeaders().getLocation().getPath().replaceAll(".*/plans/", ""));
        // 1 500,00 € in 3 monthly instalments from 5 December: 1 500,00 / 3 = 500,00 € each, no cent left over.
        // PaymentPlanPolicy (STANDARD customer, 1 500 EUR, 3 months, smallest 500 EUR) offers it without a credit
        // manager and waives interest if kept. Offered today: 7 days to accept, the last whole day is 1 December.
        String link = jdbc.queryForObject("""
                select parameters->>'acceptLink' from recouvra.outbox_message
                where customer_id = ? and kind = 'PAYMENT_PLAN_AGREEMENT'""", String.class, customerId);
        assertThat(link).contains("/portal/").endsWith("/plans/" + planId);
        String offerPath = link.substring(link.indexOf("/portal/"));
        assertThat(offerPath).as("a PLAN_OFFER link, not the debtor's VIEW link").doesNotStartWith("/portal/" + token);

        String page = text(get(offerPath));
        assertThat(page).contains("Plan de paiement", "Nous vous proposons cet échéancier",
                "acceptez-le au plus tard le 1 déc. 2026",
                "5 déc. 2026", "5 janv. 2027", "5 févr. 2027", "500,00 €", "1 500,00 €", number,
                "Aucun intérêt ni frais", "J&#39;accepte ce plan");

        assertThat(text(get(offerPath + "?lang=en"))).contains("Payment plan", "accept it by 1 Dec 2026 at the latest",
                "5 Dec 2026", "€500.00", "€1,500.00", "I accept this plan");

        ResponseEntity<String> accepted = forms().post(offerPath, offerPath + "/accept", Map.of());

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(plans.of(customerId, planId).orElseThrow().stage()).isEqualTo(Stage.ACCEPTED);
        assertThat(jdbc.queryForObject("select status from recouvra.payment_plan where id = ?", String.class, planId))
                .as("the PaymentPlan process started it, as after the API's accept").isEqualTo("ACTIVE");
        assertThat(text(get(offerPath))).contains("Vous avez accepté cet échéancier").doesNotContain("J&#39;accepte ce plan");
        assertThat(trail.latestOfCustomer(customerId, 20)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).startsWith("Portal: the debtor accepted payment plan " + planId);
            assertThat(entry.getActor()).startsWith("debtor via portal link ");
        });

        ResponseEntity<String> again = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans/" + planId
                + "/accept", Map.of());
        assertThat(again.getStatusCode()).as("already accepted").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anotherCustomersPlanIsNotFound() {
        UUID customerId = debtor("Garage Propriétaire");
        UUID planId = offeredPlan(customerId, invoiceInDunning(customerId, "900.00"));
        String otherToken = tokens.issue(debtor("Garage Curieux"), Purpose.PLAN_OFFER);

        ResponseEntity<String> page = get("/portal/" + otherToken + "/plans/" + planId);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).doesNotContain("900,00");

        String ownPage = "/portal/" + tokens.issue(customerId, Purpose.PLAN_OFFER) + "/plans/" + planId;
        ResponseEntity<String> accept = forms().post(ownPage, "/portal/" + otherToken + "/plans/" + planId + "/accept", Map.of());
        assertThat(accept.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(plans.of(customerId, planId).orElseThrow().stage()).isEqualTo(Stage.OFFERED);
    }

    @Test
    void anExpiredOfferSaysSoAndCannotBeAccepted() {
        UUID customerId = debtor("Garage Tardif");
        UUID planId = offeredPlan(customerId, invoiceInDunning(customerId, "900.00"));
        String path = "/portal/" + tokens.issue(customerId, Purpose.PLAN_OFFER) + "/plans/" + planId;
        String form = text(get(path));
        // 7 days to accept from the offer on 25 November: on 3 December it is over (the link itself lasts 30 days)
        EngineClock.moveTo(TODAY.plusDays(8));

        assertThat(text(get(path))).contains("Le délai pour accepter cette proposition est passé").doesNotContain("J&#39;accepte");
        assertThat(form).contains("J&#39;accepte");
        // any page with a form gives the CSRF cookie and field; the plan's has none any more
        String formPage = "/portal/" + tokens.issue(customerId, Purpose.VIEW) + "/plans/new";
        ResponseEntity<String> late = forms().post(formPage, path + "/accept", Map.of());
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(text(late)).contains("Le délai pour accepter");
        assertThat(jdbc.queryForObject("select status from recouvra.payment_plan where id = ?", String.class, planId))
                .isEqualTo("OFFERED");
    }

    @Test
    void everyPlanFormIsRefusedWithoutItsCsrfToken() {
        UUID customerId = debtor("Garage Forgé");
        String number = invoiceInDunning(customerId, "900.00");
        UUID planId = offeredPlan(customerId, number);
        String token = tokens.issue(customerId, Purpose.VIEW);

        assertThat(forms().postWithoutCsrf("/portal/" + token + "/plans/" + planId + "/accept", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forms().postWithoutCsrf("/portal/" + token + "/plans", Map.of("invoice", List.of(number),
                "instalments", List.of("2"), "firstDate", List.of("2026-12-05"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plans.of(customerId, planId).orElseThrow().stage()).isEqualTo(Stage.OFFERED);
        assertThat(planCount(customerId)).isEqualTo(1);
    }

    /**
     * 12 000,00 € asked for in 4 monthly instalments: PaymentPlanPolicy wants a credit manager (10 000 EUR or more), and
     * charges the late-payment interest and the indemnity once approved. Worked out by hand as of the offer, 25 November:
     * the invoice fell due on 24 November, so 1 day of interest at the statutory rate, ECB 2.15 % + 10 points = 12.15 %:
     * 12 000,00 × 12.15 % × 1 / 365 = 3.9945… → 3,99 €; plus the 40,00 € indemnity = 43,99 € of charges, added to the
     * last instalment: 3 000,00 + 43,99 = 3 043,99 €; total 12 000,00 + 43,99 = 12 043,99 €.
     */
    @Test
    void aLargePlanWaitsForACreditManagerThenShowsTheChargesItAdds() {
        UUID customerId = debtor("Industries Lourdes");
        String number = invoiceInDunning(customerId, "12000.00");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> asked = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans",
                Map.of("invoice", List.of(number), "instalments", List.of("4"), "firstDate", List.of("2026-12-10")));

        String planPath = asked.getHeaders().getLocation().getPath();
        String planId = planPath.replaceAll(".*/plans/", "");
        assertThat(text(get(planPath))).contains("un responsable crédit l&#39;examine").doesNotContain("J&#39;accepte");
        Task approval = tasks.createTaskQuery().taskCandidateGroup("credit-managers").processInstanceBusinessKey(planId).singleResult();
        assertThat(approval).isNotNull();

        tasks.complete(approval.getId(), Map.of("planApproved", true, "planNote", "ok"));

        assertThat(text(get(planPath))).contains("Nous vous proposons cet échéancier", "10 déc. 2026", "10 mars 2027",
                "3 000,00 €", "3 043,99 €", "Intérêts de retard au 25 nov. 2026", "43,99 €", "12 043,99 €", "J&#39;accepte ce plan");
    }

    @Test
    void aWrongRequestIsShownBackWithSentencesAndNothingIsStored() {
        UUID customerId = debtor("Garage Pressé");
        String number = invoiceInDunning(customerId, "900.00");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> refused = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans",
                Map.of("invoice", List.of(number), "instalments", List.of("99"), "firstDate", List.of("2026-11-01")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(text(refused)).contains("Indiquez un nombre d&#39;échéances entre 1 et",
                "Indiquez une date de première échéance à partir d&#39;aujourd&#39;hui", "id=\"instalments-error\"");
        ResponseEntity<String> none = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans",
                Map.of("instalments", List.of("2"), "firstDate", List.of("2026-12-05")));
        assertThat(text(none)).contains("Choisissez au moins une de vos factures ouvertes");
        assertThat(planCount(customerId)).isZero();
    }

    private UUID offeredPlan(UUID customerId, String number) {
        UUID planId = plans.ask(customerId, List.of(number), 2, TODAY.plusDays(10), "test");
        plans.assessNow(planId);
        assertThat(plans.of(customerId, planId).orElseThrow().stage()).isEqualTo(Stage.OFFERED);
        return planId;
    }

    private long planCount(UUID customerId) {
        return jdbc.queryForObject("select count(*) from recouvra.payment_plan where customer_id = ?", Long.class, customerId);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private String invoiceInDunning(UUID customerId, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, TODAY.minusDays(31), TODAY.minusDays(1), new BigDecimal(amount), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return number;
    }

    private FormPosts forms() {
        return new FormPosts(api.anonymous().withRedirects(Redirects.DONT_FOLLOW));
    }

    private ResponseEntity<String> get(String path) {
        return api.anonymous().getForEntity(path, String.class);
    }

    /** The page with the no-break spaces French amounts and dates use written as plain spaces. */
    private static String text(ResponseEntity<String> page) {
        return page.getBody().replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}

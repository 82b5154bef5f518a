package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A debtor in insolvency proceedings on the portal, over HTTP on the real application. The day is Wednesday
 * 25 November 2026; receivership was opened by the judgment of 13 November 2026. Invoice "before" (issued 6 October,
 * 780.00) is born before the judgment: frozen, declared, paid only through the proceedings (art. L622-7 C. com.).
 * Invoice "after" (issued 20 November, 300.00, due 20 December) is born after it and is collected as usual.
 */
@PortalTest
class FrozenInvoicesOnThePortalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate JUDGMENT = LocalDate.of(2026, 11, 13);

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    UUID customer;
    String before;
    String after;
    String token;

    @BeforeEach
    void aCustomerInReceivership() {
        EngineClock.moveTo(TODAY);
        customer = customers.register(new NewCustomer("Menuiserie Durand SARL", TestData.siren(), "FR", "fr", null,
                "4 quai Perrache", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        before = invoice(LocalDate.of(2026, 10, 6), LocalDate.of(2026, 11, 5), "780.00");
        proceedings.report(customer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, JUDGMENT, "Tribunal des activités économiques de Lyon",
                "Maître Anne Rivière", "10 rue de Bonnel, 69003 Lyon", null, null, ReportedBy.PERSON, false));
        after = invoice(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), "300.00");
        token = tokens.issue(customer, Purpose.VIEW);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theOwedPageShowsTheFrozenInvoiceApartAndOnlyTheOtherAsToPay() {
        String page = http.getForObject("/portal/" + token, String.class);

        String toPay = section(page, "<table id=\"invoices\"", "</table>");
        String frozen = section(page, "<section id=\"frozen\"", "</section>");
        assertThat(toPay).contains(after, "300,00").doesNotContain(before);
        assertThat(frozen).contains(before, "780,00", "Déclarée dans la procédure",
                "Ces factures sont antérieures au jugement du 13 nov. 2026 qui a ouvert une procédure collective à votre égard.",
                "elles sont déclarées au mandataire judiciaire (ou au liquidateur)",
                "Elles ne peuvent pas être payées ici, ni faire l&#39;objet d&#39;une promesse, d&#39;un échéancier ou d&#39;une contestation sur ce site.")
                .doesNotContain(after);
        assertThat(section(page, "<dd id=\"reference\"", "</dd>")).as("the reference to quote names only what may be paid")
                .contains(after).doesNotContain(before);

        assertThat(http.getForObject("/portal/" + token + "?lang=en", String.class))
                .contains("Invoices declared in the insolvency proceedings",
                        "These invoices are older than the judgment of 13 Nov 2026 that opened insolvency proceedings against you.");
    }

    @Test
    void aCustomerWithoutProceedingsHasNoSuchSection() {
        UUID other = customers.register(new NewCustomer("Garage Serein", TestData.siren(), "FR", "fr", null, "1 rue Neuve",
                "69001", "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "c@example.org", null, true, false, false)))).getId();
        invoices.register(new NewInvoice(TestData.invoiceNumber(), other, null, LocalDate.of(2026, 10, 6), LocalDate.of(2026, 11, 5),
                new BigDecimal("100.00"), "EUR"));

        assertThat(http.getForObject("/portal/" + tokens.issue(other, Purpose.VIEW), String.class))
                .doesNotContain("id=\"frozen\"", "procédure collective");
    }

    @Test
    void aPromiseOnTheFrozenInvoiceIsRefusedWithASentenceAndNothingStored() {
        assertThat(http.getForObject("/portal/" + token + "/promise", String.class)).as("not offered")
                .contains(after).doesNotContain(before);

        ResponseEntity<String> refused = forms().post("/portal/" + token + "/promise", "/portal/" + token + "/promise", Map.of(
                "scope", List.of("CHOSEN"), "invoices", List.of(before), "promisedDate", List.of("2026-12-04"),
                "promisedAmount", List.of("780,00")));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("La facture " + before + " est antérieure à l&#39;ouverture de votre procédure collective"
                + " : elle est déclarée au mandataire judiciaire et ne peut être réglée que dans le cadre de la procédure.");
        assertThat(count("promise_to_pay")).isZero();
    }

    @Test
    void aPromiseForTheWholeAccountCoversOnlyTheInvoiceBornAfterTheJudgment() {
        ResponseEntity<String> sent = forms().post("/portal/" + token + "/promise", "/portal/" + token + "/promise", Map.of(
                "scope", List.of("ALL"), "promisedDate", List.of("2026-12-18"), "promisedAmount", List.of("300,00")));

        assertThat(sent.getStatusCode().value()).isEqualTo(302);
        assertThat(jdbc.queryForList("""
                select pi.invoice_number from recouvra.promise_to_pay_invoice pi join recouvra.promise_to_pay p on p.id = pi.promise_id
                where p.customer_id = ?""", String.class, customer))
                .containsExactly(after);
    }

    @Test
    void aDisputeOfTheFrozenInvoiceIsRefusedWithASentenceAndNothingStored() {
        assertThat(section(http.getForObject("/portal/" + token + "/disputes", String.class), "<form", "</form>"))
                .as("not offered").doesNotContain(before);

        ResponseEntity<String> refused = forms().post("/portal/" + token + "/disputes", "/portal/" + token + "/disputes", Map.of(
                "invoices", List.of(before), "reason", List.of("QUALITY"), "description", List.of("Bois fendu")));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("La facture " + before + " est antérieure à l&#39;ouverture de votre procédure collective"
                + " : elle est déclarée au mandataire judiciaire, et c&#39;est lors de la vérification des créances, avec lui,"
                + " que vous pouvez la discuter, pas ici.");
        assertThat(count("dispute")).isZero();
    }

    @Test
    void aPaymentPlanForTheFrozenInvoiceIsRefusedWithASentenceAndNothingStored() {
        assertThat(section(http.getForObject("/portal/" + token + "/plans/new", String.class), "<form", "</form>"))
                .as("not offered").contains(after).doesNotContain(before);

        ResponseEntity<String> refused = forms().post("/portal/" + token + "/plans/new", "/portal/" + token + "/plans", Map.of(
                "invoice", List.of(before), "instalments", List.of("3"), "firstDate", List.of("2026-12-15")));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("La facture " + before + " est antérieure à l&#39;ouverture de votre procédure collective"
                + " : seul le plan arrêté par le tribunal peut en étaler le paiement, pas un échéancier demandé ici.");
        assertThat(count("payment_plan")).isZero();
    }

    private FormPosts forms() {
        return new FormPosts(api.anonymous().withRedirects(Redirects.DONT_FOLLOW));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from recouvra." + table + " where customer_id = ?", Integer.class, customer);
    }

    private String invoice(LocalDate issued, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, due, new BigDecimal(amount), "EUR"));
        jobs.runDue(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").processInstanceBusinessKey(number)
                .singleResult());
        return number;
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from) + end.length());
    }
}

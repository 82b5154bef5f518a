package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.collection.EscalationContract;
import io.recouvra.collection.InvoiceCollectionContract;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.Scoring;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What "in proceedings" means once the proceedings are closed (docs/insolvency.md, "After the closing"): the invoice
 * born before the opening judgment stays frozen and provisioned as an insolvency claim whatever the closing; the
 * customer is in proceedings no more after a plan carried out (normal scoring, provisions and escalation of its new
 * invoices), but for good after a liquidation closed for insufficient assets.
 *
 * <p>Every case: a well-rated company (the bureau knows no insolvency of it, so only the proceedings recorded here can
 * cap it); an old invoice of 1,200.00 (1,000.00 + 200.00 of VAT at 20 %) issued 1 January 2026, due 31 January;
 * proceedings opened by the judgment of Monday 2 March 2026; closed by the judgment of Thursday 1 October 2026; a new
 * invoice of 450.00 (375.00 + 75.00 of VAT) issued Friday 23 October 2026, due Sunday 22 November, collected from
 * Monday 23 November as {@code EscalationProcessTest} does.
 */
@RecouvraTest
class AfterTheClosingTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);
    static final LocalDate CLOSING = LocalDate.of(2026, 10, 1);
    static final LocalDate START = LocalDate.of(2026, 11, 23);
    /** recouvra.scoring.insolvency-cap */
    static final int CAP = 10;

    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Scoring scoring;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Api api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    HistoryService history;

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "AfterTheClosingTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "AfterTheClosingTest");
    }

    @BeforeEach
    void assertionsOnTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void afterAPlanCarriedOutTheNewInvoiceIsCollectedAsUsualAndTheOldOneStaysAnInsolvencyClaim() {
        UUID debtor = debtor();
        String old = oldInvoice(debtor);
        UUID receivership = open(debtor, ProceedingsKind.RECEIVERSHIP);
        CreditScore during = scoring.score(debtor);
        assertThat(during.getScore()).as("capped while the proceedings run").isEqualTo(CAP);
        assertThat(during.explain()).contains("insolvency proceedings: ");
        assertThat(scoring.insolvencyProceedings(debtor)).isTrue();

        moveTo(CLOSING);
        register.close(receivership, new ProceedingsClosing(ClosingKind.PLAN_CARRIED_OUT, CLOSING, null));

        assertThat(customers.get(debtor).getInsolvencyReportedOn()).as("still splits the claims").isEqualTo(JUDGMENT);
        assertThat(customers.get(debtor).getInsolvencyEndedOn()).isEqualTo(CLOSING);
        assertThat(customers.get(debtor).isInInsolvencyProceedings()).isFalse();
        assertThat(invoices.get(old).isFrozenByInsolvency()).as("dealt with by the proceedings, for ever").isTrue();
        assertThat(scoring.insolvencyProceedings(debtor)).as("the escalation route's input").isFalse();
        CreditScore after = scoring.score(debtor);
        assertThat(after.explain()).as("no cap any more").doesNotContain("insolvency proceedings");
        assertThat(after.getScore()).isGreaterThan(CAP);

        moveTo(START);
        String fresh = newInvoice(debtor);
        Map<String, JsonNode> october = provisions("2026-10", debtor);
        // as of Saturday 31 October 2026. The old invoice: 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 = 273 days past
        // 31 January, an insolvency claim still: 1,000.00 excl. VAT × 100 % = 1,000.00
        assertLine(october.get(old), 273, "INSOLVENT", "181-365 days", "1200.00", "200.00", "1000.00", "100", "1000.00");
        // the new one, due 22 November, is not due and its customer is in proceedings no more: 375.00 × 0 % = 0.00
        assertLine(october.get(fresh), 0, "NORMAL", "Not due", "450.00", "75.00", "375.00", "0", "0.00");
        Map<String, JsonNode> september = provisions("2026-09", debtor);
        // as of 30 September 2026, the day before the closing: still in proceedings; 273 - 31 = 242 days
        assertLine(september.get(old), 242, "INSOLVENT", "181-365 days", "1200.00", "200.00", "1000.00", "100", "1000.00");

        String escalation = dunnedToEscalation(fresh);
        assertThat(variable(escalation, "insolvencyProceedings")).isEqualTo(false);
        assertThat(variable(escalation, EscalationContract.ROUTE))
                .as("450.00 owed by a standard debtor: amicable recovery, not the insolvency route").isEqualTo("AGENCY");
    }

    @Test
    void afterALiquidationClosedForInsufficientAssetsTheCustomerStaysInsolvent() {
        UUID debtor = debtor();
        String old = oldInvoice(debtor);
        UUID liquidation = open(debtor, ProceedingsKind.LIQUIDATION);

        moveTo(CLOSING);
        register.close(liquidation, new ProceedingsClosing(ClosingKind.LIQUIDATION_INSUFFICIENT_ASSETS, CLOSING, null));

        assertThat(customers.get(debtor).getInsolvencyEndedOn()).as("the company is dissolved").isNull();
        assertThat(customers.get(debtor).isInInsolvencyProceedings()).isTrue();
        assertThat(invoices.get(old).isFrozenByInsolvency()).isTrue();
        assertThat(scoring.insolvencyProceedings(debtor)).isTrue();
        CreditScore after = scoring.score(debtor);
        assertThat(after.getScore()).as("capped for good").isEqualTo(CAP);
        assertThat(after.explain()).contains("insolvency proceedings: ");

        moveTo(START);
        String fresh = newInvoice(debtor);
        Map<String, JsonNode> october = provisions("2026-10", debtor);
        // the invoice born after the closing is an insolvency claim too: 375.00 excl. VAT × 100 % = 375.00
        assertLine(october.get(fresh), 0, "INSOLVENT", "Not due", "450.00", "75.00", "375.00", "100", "375.00");

        // its dunning is that of a customer scored 10 (risk class E), not the standard one: the escalation is started
        // here as InvoiceCollection's call activity starts it
        String escalation = escalated(fresh);
        assertThat(variable(escalation, "insolvencyProceedings")).isEqualTo(true);
        assertThat(variable(escalation, EscalationContract.ROUTE)).isEqualTo("WRITE_OFF_PROPOSAL");
    }

    // ---- helpers

    /** A standard company, well rated by the bureau, with one contact reachable and consenting on every channel. */
    private UUID debtor() {
        moveTo(LocalDate.of(2026, 1, 2));
        return customers.register(new NewCustomer("Menuiserie Perrin SAS " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau),
                "FR", "fr", null, "4 rue des Tanneurs", "69001", "Lyon",
                List.of(new NewContact("Compta", null, "compta@perrin.example", "+33612345678", true, true, true)), "STANDARD")).getId();
    }

    private String oldInvoice(UUID debtor) {
        return invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "1200.00");
    }

    private String newInvoice(UUID debtor) {
        return invoice(debtor, START.minusDays(31), START.minusDays(1), "450.00");
    }

    private String invoice(UUID debtor, LocalDate issued, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, debtor, null, issued, due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private UUID open(UUID debtor, ProceedingsKind kind) {
        moveTo(PUBLISHED);
        return register.report(debtor, new ProceedingsReport(kind, JUDGMENT, "Tribunal de commerce de Lyon", "SELARL MJ Synergie",
                "15 rue Servient, 69003 Lyon", "mj@synergie.example", PUBLISHED, ReportedBy.PERSON, false)).getId();
    }

    /**
     * The invoice's collection from START: reminders, formal notice, then escalation 39 days on (as
     * EscalationProcessTest); the Escalation it called, running or ended.
     */
    private String dunnedToEscalation(String number) {
        ProcessInstance invoiceCase = collection.instanceOf(number);
        assertThat(invoiceCase).as("the new invoice is collected").isNotNull();
        collection.runJobs(invoiceCase);
        for (int days : new int[] {15, 30, 39}) {
            moveTo(START.plusDays(days));
            collection.runJobs(invoiceCase);
        }
        List<HistoricProcessInstance> called = history.createHistoricProcessInstanceQuery().superProcessInstanceId(invoiceCase.getId())
                .processDefinitionKey(EscalationContract.PROCESS_KEY).list();
        assertThat(called).as("an escalation for %s", number).hasSize(1);
        return called.get(0).getId();
    }

    /** Escalation started for the invoice as InvoiceCollection's call activity starts it, its facts gathered. */
    private String escalated(String number) {
        Invoice invoice = invoices.get(number);
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvoiceCollectionContract.INVOICE_NUMBER, number);
        variables.put(InvoiceCollectionContract.INVOICE_ID, invoice.getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_ID, invoice.getCustomer().getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_NAME, invoice.getCustomer().getLegalName());
        variables.put(InvoiceCollectionContract.OUTSTANDING_DISPLAY, "450,00 €");
        variables.put(EscalationContract.AGENCY_ATTEMPTS, 0);
        variables.put(EscalationContract.LEGAL_ATTEMPTS, 0);
        ProcessInstance escalation = engine.getRuntimeService().startProcessInstanceByKey(EscalationContract.PROCESS_KEY, number, variables);
        collection.runJobs(escalation);
        return escalation.getId();
    }

    private Object variable(String processInstanceId, String name) {
        HistoricVariableInstance found = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult();
        assertThat(found).as("variable %s", name).isNotNull();
        return found.getValue();
    }

    private Map<String, JsonNode> provisions(String month, UUID customer) {
        JsonNode report = api.asAdmin().getForObject("/api/v1/provisions/" + month + "?customerId={c}", JsonNode.class, customer);
        Map<String, JsonNode> lines = new HashMap<>();
        report.get("lines").forEach(line -> lines.put(line.get("invoiceNumber").asText(), line));
        return lines;
    }

    private static void assertLine(JsonNode line, int days, String situation, String bucket, String outstanding, String vat,
                                   String base, String rate, String provision) {
        assertThat(line).isNotNull();
        assertThat(line.get("daysOverdue").asInt()).isEqualTo(days);
        assertThat(line.get("situation").asText()).isEqualTo(situation);
        assertThat(line.get("bucket").asText()).isEqualTo(bucket);
        assertThat(line.get("outstanding").decimalValue()).isEqualByComparingTo(outstanding);
        assertThat(line.get("vat").decimalValue()).isEqualByComparingTo(vat);
        assertThat(line.get("base").decimalValue()).isEqualByComparingTo(base);
        assertThat(line.get("rate").decimalValue()).isEqualByComparingTo(rate);
        assertThat(line.get("provision").decimalValue()).isEqualByComparingTo(provision);
    }
}

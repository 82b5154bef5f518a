package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.engine.MigrationReport;
import io.recouvra.engine.ProcessMigrations;
import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.ModelDeployments;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The judgment closing insolvency proceedings, recorded through the API and heard by the running declaration of
 * claims. Every case: one invoice of 10,000.00 (VAT at 20 % inside) issued 1 January 2026, due 31 January; judgment on
 * Monday 2 March 2026, published in the BODACC on Thursday 12 March (as in {@link ClaimDeclarationProcessTest}).
 */
@RecouvraTest
class ProceedingsClosingTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);

    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineJobs jobs;
    @Autowired
    ProcessMigrations migrations;
    @Autowired
    List<ProcessUpgrade> upgrades;

    @BeforeEach
    void assertionsOnTheEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aClosingIsRefusedNamingTheFieldWhenItsKindOrDayIsWrongAndOnceClosedWith409() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        UUID liquidation = open(debtor, ProceedingsKind.LIQUIDATION);
        moveTo(LocalDate.of(2027, 6, 30));

        assertRefused(close(debtor, liquidation, Map.of("kind", "BANKRUPTCY", "judgmentDate", "2027-06-29")), "kind");
        ResponseEntity<JsonNode> planOnALiquidation = close(debtor, liquidation, Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2027-06-29"));
        assertRefused(planOnALiquidation, "kind");
        assertThat(planOnALiquidation.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("LIQUIDATION proceedings close as LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID, not PLAN_CARRIED_OUT");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2027-07-01")),
                "judgmentDate");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2026-03-01")),
                "judgmentDate");
        assertRefused(close(debtor, liquidation, Map.of("judgmentDate", "2027-06-29")), "kind");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29",
                "note", "x".repeat(1001))), "note");
        assertThat(register.find(liquidation).getStatus()).as("nothing stored").isEqualTo(ProceedingsStatus.OPEN);

        ResponseEntity<JsonNode> closed = close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29",
                "note", "jugement n° 2027/1234"));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.getBody().get("closingKind").asText()).isEqualTo("LIQUIDATION_DEBTS_PAID");
        assertThat(closed.getBody().get("closingJudgmentDate").asText()).isEqualTo("2027-06-29");
        assertThat(closed.getBody().get("closingNote").asText()).isEqualTo("jugement n° 2027/1234");
        assertThat(trail(debtor)).contains("Insolvency proceedings (LIQUIDATION) closed by the judgment of 2027-06-29: LIQUIDATION_DEBTS_PAID");
        JsonNode judgments = api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings/{pid}/judgments", JsonNode.class,
                debtor, liquidation);
        assertThat(judgments.get(judgments.size() - 1).get("judgment").asText()).isEqualTo("CLOSING");

        ResponseEntity<JsonNode> again = close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");

        // a receivership is closed by its plan carried out, not as a liquidation
        UUID other = debtor();
        moveTo(PUBLISHED);
        UUID receivership = open(other, ProceedingsKind.RECEIVERSHIP);
        moveTo(LocalDate.of(2027, 6, 30));
        assertRefused(close(other, receivership, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2027-06-29")), "kind");
        assertThat(api.anonymous().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing",
                Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2027-06-29"), String.class, other, receivership).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * A liquidation: the claim admitted, a first dividend of 2,500.00 booked, then the liquidation closed for
     * insufficient assets. The declaration ends where it was (the next outcome awaited) and writes off what is left.
     */
    @Test
    void aLiquidationClosedForInsufficientAssetsWritesOffTheRestWithItsVatNote() {
        ProcessInstance declaration = publishedCase(ProceedingsKind.LIQUIDATION);
        UUID debtor = customerOf(declaration);
        String number = declaredInvoice(debtor);
        moveTo(LocalDate.of(2026, 4, 2));
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-02", "declarationChannel", "REGISTERED_LETTER"));
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "ADMITTED", "admittedAmount", "10139.86"));
        moveTo(LocalDate.of(2027, 3, 1));
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "DIVIDEND_PAID", "dividendAmount", "2500.00",
                "outcomeDate", "2027-03-01", "bankReference", "DIV-1"));
        assertThat(task(declaration).getTaskDefinitionKey()).as("7,500.00 still owed: the next outcome awaited").isEqualTo("Task_RecordOutcome");

        moveTo(LocalDate.of(2027, 6, 30));
        ResponseEntity<JsonNode> closed = close(debtor, proceedingsOf(declaration),
                Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2027-06-29"));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        jobs.runDue(declaration);

        assertThat(declaration).hasPassed("StartEvent_ProceedingsClosed", "Task_RecordClosing", "Task_WriteOffOnClosing",
                "EndEvent_ClosedWrittenOff").hasNotPassed("Task_WriteOff").isEnded();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        Map<String, Object> writeOff = jdbc.queryForMap(
                "select reason, amount, vat_included, note, approved_by from recouvra.write_off where invoice_number = ?", number);
        assertThat(writeOff.get("reason")).isEqualTo("INSOLVENCY");
        // 10,000.00 - the dividend of 2,500.00 = 7,500.00 still owed, VAT at 20 % inside: 7500 / 1.2 = 6,250.00 excl. VAT,
        // so 1,250.00 of VAT to recover
        assertThat((BigDecimal) writeOff.get("amount")).isEqualByComparingTo("7500.00");
        assertThat((BigDecimal) writeOff.get("vat_included")).isEqualByComparingTo("1250.00");
        assertThat((String) writeOff.get("note")).isEqualTo("liquidation closed for insufficient assets on 2027-06-29 (C. com. L. 643-9); "
                + "VAT recoverable (CGI art. 272-1) from the judgment that pronounced the liquidation, against a rectifying invoice to the debtor");
        assertThat(writeOff.get("approved_by")).as("whoever recorded the closing").isEqualTo(Api.ADMIN);
        assertThat(jdbc.queryForObject("select outcome from recouvra.claim_declaration where customer_id = ?", String.class, debtor))
                .isEqualTo("LIQUIDATION_INSUFFICIENT_ASSETS");
        assertThat(trail(debtor)).contains("Declaration of claims ended: proceedings closed (LIQUIDATION_INSUFFICIENT_ASSETS) by the judgment of 2027-06-29");
        assertThat(invoices.get(number).isFrozenByInsolvency()).as("the creditors do not recover their right to sue (L. 643-11)").isTrue();
    }

    /**
     * A receivership: the claim admitted, the plan adopted and 6,000.00 of its dividends booked, then the plan carried
     * out. The declaration ends, nothing is written off; the 4,000.00 the ledger still shows is left to the officer, and
     * an invoice born since the judgment is collected as usual.
     */
    @Test
    void aPlanCarriedOutEndsTheDeclarationWithoutWritingOff() {
        ProcessInstance declaration = publishedCase(ProceedingsKind.RECEIVERSHIP);
        UUID debtor = customerOf(declaration);
        String number = declaredInvoice(debtor);
        moveTo(LocalDate.of(2026, 4, 2));
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-02", "declarationChannel", "REGISTERED_LETTER"));
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "ADMITTED", "admittedAmount", "10139.86"));
        moveTo(LocalDate.of(2026, 12, 1));
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "PLAN_ADOPTED", "outcomeDate", "2026-12-01"));
        moveTo(LocalDate.of(2027, 12, 1));
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "DIVIDEND_PAID", "dividendAmount", "6000.00",
                "outcomeDate", "2027-12-01", "bankReference", "PLAN-1"));
        String bornSince = invoice(debtor, "2027-11-15", "2027-12-15", "800.00");

        moveTo(LocalDate.of(2028, 1, 10));
        assertThat(close(debtor, proceedingsOf(declaration), Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2028-01-10"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        jobs.runDue(declaration);

        assertThat(declaration).hasPassed("Task_RecordClosing", "EndEvent_ClosedPaid").hasNotPassed("Task_WriteOffOnClosing").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(declaration.getId()).count()).as("the outcome task is gone").isZero();
        // 10,000.00 - 6,000.00 = 4,000.00
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("4000.00");
        assertThat(invoices.get(number).getStatus()).isNotEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.write_off where invoice_number = ?", Integer.class, number)).isZero();
        assertThat(interactions(debtor)).anySatisfy(entry -> {
            assertThat(entry.get("summary")).isEqualTo("Declaration of claims ended: proceedings closed (PLAN_CARRIED_OUT) by the judgment of 2028-01-10");
            assertThat((String) entry.get("content")).startsWith(display("4 000,00 €") + " still owed on the declared invoices");
        });
        assertThat(invoices.get(bornSince).isFrozenByInsolvency()).as("born after the judgment: collected as usual").isFalse();
        assertThat(register.openFor(debtor)).as("the debtor may be in new proceedings one day").isEmpty();
    }

    /**
     * A declaration started on the model released before the closing (kept in test resources) is migrated to the
     * current model and hears the closing; one left on the old model is named on the trail instead.
     */
    @Test
    void aDeclarationStartedOnTheModelBeforeTheClosingIsMigratedAndHearsIt() {
        ProcessUpgrade upgrade = upgrades.stream().filter(u -> u.processKey().equals(DeclarationOfClaimsContract.PROCESS_KEY))
                .findFirst().orElseThrow();
        ProcessInstance migrated;
        ProcessInstance left;
        ProcessDefinition legacy = null;
        try {
            legacy = ModelDeployments.deployWithForms(repository, "DeclarationOfClaims before the closing (ProceedingsClosingTest)",
                    "legacy/declaration-of-claims-before-closing.bpmn");
            migrated = publishedCase(ProceedingsKind.LIQUIDATION);
            assertThat(migrated.getProcessDefinitionId()).isEqualTo(legacy.getId());
        } finally {
            ModelDeployments.deployWithForms(repository, "DeclarationOfClaims, current again (ProceedingsClosingTest)",
                    "processes/declaration-of-claims.bpmn");
        }
        MigrationReport report = migrations.migrateToLatest(upgrade, false);
        int legacyVersion = legacy.getVersion();
        assertThat(report.versions().stream().filter(v -> v.version() == legacyVersion).findFirst().orElseThrow().left())
                .as("nothing left on the old model").isEmpty();
        assertThat(definitionOf(migrated)).isNotEqualTo(legacy.getId());

        UUID debtor = customerOf(migrated);
        String number = declaredInvoice(debtor);
        moveTo(LocalDate.of(2026, 9, 30));
        assertThat(close(debtor, proceedingsOf(migrated), Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2026-09-29"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        jobs.runDue(migrated);
        assertThat(migrated).hasPassed("Task_WriteOffOnClosing", "EndEvent_ClosedWrittenOff").isEnded();
        // closed while the declaration was still to send: the whole 10,000.00, VAT at 20 % inside: 10000 / 1.2 = 8,333.33
        // excl. VAT, 1,666.67 of VAT
        Map<String, Object> writeOff = jdbc.queryForMap("select amount, vat_included from recouvra.write_off where invoice_number = ?", number);
        assertThat((BigDecimal) writeOff.get("amount")).isEqualByComparingTo("10000.00");
        assertThat((BigDecimal) writeOff.get("vat_included")).isEqualByComparingTo("1666.67");

        // one started on the old model and not migrated does not hear the message: the trail says so
        try {
            ModelDeployments.deployWithForms(repository, "DeclarationOfClaims before the closing, again (ProceedingsClosingTest)",
                    "legacy/declaration-of-claims-before-closing.bpmn");
            left = publishedCase(ProceedingsKind.LIQUIDATION);
        } finally {
            ModelDeployments.deployWithForms(repository, "DeclarationOfClaims, current again (ProceedingsClosingTest)",
                    "processes/declaration-of-claims.bpmn");
        }
        UUID other = customerOf(left);
        moveTo(LocalDate.of(2026, 9, 30));
        close(other, proceedingsOf(left), Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2026-09-29"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(left.getId()).count()).isOne();
        assertThat(trail(other)).contains("The declaration of claims runs on a version of its model that does not hear the closing: end it by hand");
        runtime.deleteProcessInstance(left.getId(), "ProceedingsClosingTest: left on the old model on purpose");
    }

    // ---- helpers

    /** One invoice of 10,000.00 due 31 January, published on 12 March, the declaration prepared and to send. */
    private ProcessInstance publishedCase(ProceedingsKind kind) {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        ProcessInstance declaration = instance(open(debtor, kind));
        jobs.runDue(declaration);
        assertThat(task(declaration).getTaskDefinitionKey()).isEqualTo("Task_SendDeclaration");
        return declaration;
    }

    private ProcessInstance instance(UUID proceedings) {
        ProcessInstance found = runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).singleResult();
        assertThat(found).as("a declaration of claims for %s", proceedings).isNotNull();
        return found;
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance);
        assertThat(task).as("a task %s", key).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasks.complete(task.getId(), new HashMap<>(variables));
        jobs.runDue(instance);
    }

    private UUID customerOf(ProcessInstance instance) {
        return UUID.fromString((String) runtime.getVariable(instance.getId(), DeclarationOfClaimsContract.CUSTOMER_ID));
    }

    private static UUID proceedingsOf(ProcessInstance instance) {
        return UUID.fromString(instance.getBusinessKey());
    }

    private String declaredInvoice(UUID debtor) {
        return jdbc.queryForObject("select invoice_numbers from recouvra.claim_declaration where customer_id = ?", String.class, debtor);
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
    }

    private List<Map<String, Object>> interactions(UUID customer) {
        return jdbc.queryForList("select summary, content from recouvra.interaction where customer_id = ? order by seq", customer);
    }

    /** AmountDisplay's French format: a narrow no-break space between thousands, a no-break space before the euro sign. */
    private static String display(String plain) {
        return io.recouvra.receivables.AmountDisplay.of(new BigDecimal(plain.replace(" €", "").replace(" ", "").replace(',', '.')), "EUR");
    }

    private ResponseEntity<JsonNode> close(UUID debtor, UUID proceedings, Map<String, Object> body) {
        return api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing", body, JsonNode.class,
                debtor, proceedings);
    }

    private static void assertRefused(ResponseEntity<JsonNode> refused, String field) {
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly(field);
    }

    private UUID open(UUID debtor, ProceedingsKind kind) {
        return register.report(debtor, new ProceedingsReport(kind, JUDGMENT, "Tribunal de commerce de Lyon",
                "SELARL MJ Synergie", "15 rue Servient, 69003 Lyon", "mj@synergie.example", PUBLISHED, ReportedBy.PERSON, false)).getId();
    }

    private UUID debtor() {
        return customers.register(new NewCustomer("Menuiserie Perrin SAS " + TestData.invoiceNumber(), TestData.siren(), "FR", "fr",
                null, "4 rue des Tanneurs", "69001", "Lyon", List.of(new NewCustomer.NewContact("Mme Perrin", "Gérante",
                "compta@perrin.example", null, true, false, false)))).getId();
    }

    private String invoice(UUID customer, String issued, String due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), "EUR"));
        return number;
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }
}

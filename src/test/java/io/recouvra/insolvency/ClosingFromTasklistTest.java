package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The closing of proceedings recorded from Tasklist (process ProceedingsClosing, form recordProceedingsClosing), through
 * the engine REST API as Tasklist calls it. One invoice of 10,000.00 (VAT at 20 % inside) issued 1 January 2026, due
 * 31 January; opening judgment on Monday 2 March 2026, published in the BODACC on Thursday 12 March (as in
 * {@link ProceedingsClosingTest}).
 */
@RecouvraTest
class ClosingFromTasklistTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);
    static final String OFFICER = "lea";

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
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    EngineJobs jobs;
    @Autowired
    ProceedingsClosings.ClosingTasks closingTasks;

    @BeforeEach
    void legalOfficer() {
        User user = identity.newUser(OFFICER);
        user.setPassword("secret-" + OFFICER);
        identity.saveUser(user);
        identity.createMembership(OFFICER, RecouvraGroups.LEGAL);
    }

    @AfterEach
    void cleanUp() {
        identity.deleteUser(OFFICER);
        ClockUtil.reset();
    }

    @Test
    void aLegalOfficerRecordsTheClosingInTasklistAndARefusedValueIsASentenceNamingTheField() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        String number = invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        UUID liquidation = open(debtor, ProceedingsKind.LIQUIDATION);
        ProcessInstance declaration = declarationOf(liquidation);
        jobs.runDue(declaration);

        Task closing = closingTask(liquidation);
        assertThat(closing.getName()).isEqualTo("Saisir la clôture de la procédure collective : " + customers.get(debtor).getLegalName());
        assertThat(tasks.createTaskQuery().taskId(closing.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();

        moveTo(LocalDate.of(2027, 6, 30));
        String task = "/engine-rest/task/" + closing.getId();
        ResponseEntity<JsonNode> shown = api.as(OFFICER, "secret-" + OFFICER).getForEntity(task + "/form-variables", JsonNode.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        // shown as text: every character but letters, digits and spaces as a numeric reference ("/" is &#47;)
        assertThat(shown.getBody().get("judgmentDateText").get("value").asText()).isEqualTo("02&#47;03&#47;2026");
        assertThat(shown.getBody().get("proceedingsKindLabelText").get("value").asText()).isEqualTo("liquidation judiciaire");

        ResponseEntity<JsonNode> planOnALiquidation = submit(task, "PLAN_CARRIED_OUT", "2027-06-29", null, "fr-FR,fr;q=0.9");
        assertThat(planOnALiquidation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(planOnALiquidation.getBody().get("message").asText()).isEqualTo("Clôture prononcée : une liquidation judiciaire se "
                + "clôt pour insuffisance d'actif ou pour extinction du passif, non par l'exécution d'un plan (closingKind).");
        ResponseEntity<JsonNode> inEnglish = submit(task, "PLAN_CARRIED_OUT", "2027-06-29", null, "en-GB,en;q=0.9");
        assertThat(inEnglish.getBody().get("message").asText()).endsWith(": LIQUIDATION proceedings close as "
                + "LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID, not PLAN_CARRIED_OUT (closingKind).");
        ResponseEntity<JsonNode> beforeTheOpening = submit(task, "LIQUIDATION_INSUFFICIENT_ASSETS", "2026-03-01", null, "fr-FR");
        assertThat(beforeTheOpening.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforeTheOpening.getBody().get("message").asText()).isEqualTo("Date du jugement de clôture : ne doit pas précéder "
                + "le dernier jugement de la procédure, du 2026-03-02 (closingJudgmentDate).");
        ResponseEntity<JsonNode> tomorrow = submit(task, "LIQUIDATION_INSUFFICIENT_ASSETS", "2027-07-01", null, "fr-FR");
        assertThat(tomorrow.getBody().get("message").asText())
                .isEqualTo("Date du jugement de clôture : ne doit pas être dans le futur (closingJudgmentDate).");
        assertThat(register.find(liquidation).getStatus()).as("nothing stored").isEqualTo(ProceedingsStatus.OPEN);
        assertThat(closingTask(liquidation)).as("the task stays open").isNotNull();

        ResponseEntity<JsonNode> done = submit(task, "LIQUIDATION_INSUFFICIENT_ASSETS", "2027-06-29", "jugement n° 2027/0456", "fr-FR");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        jobs.runDue(declaration);

        InsolvencyProceedings closed = register.find(liquidation);
        assertThat(closed.getStatus()).isEqualTo(ProceedingsStatus.CLOSED);
        assertThat(closed.getClosingKind()).isEqualTo(ClosingKind.LIQUIDATION_INSUFFICIENT_ASSETS);
        assertThat(closed.getClosingJudgmentDate()).isEqualTo(LocalDate.of(2027, 6, 29));
        assertThat(closed.getClosingNote()).isEqualTo("jugement n° 2027/0456");
        assertThat(endOf(liquidation)).isEqualTo("EndEvent_ClosingRecorded");
        // the declaration heard it as from the API: nothing paid, so the whole 10,000.00 is written off, VAT at 20 %
        // inside: 10000 / 1.2 = 8,333.33 excluding VAT, so 1,666.67 of VAT to recover; approved by the officer
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(declaration.getId()).count()).isZero();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        Map<String, Object> writeOff = jdbc.queryForMap(
                "select amount, vat_included, approved_by from recouvra.write_off where invoice_number = ?", number);
        assertThat((BigDecimal) writeOff.get("amount")).isEqualByComparingTo("10000.00");
        assertThat((BigDecimal) writeOff.get("vat_included")).isEqualByComparingTo("1666.67");
        assertThat(writeOff.get("approved_by")).isEqualTo(OFFICER);
        assertThat(trail(debtor)).contains("Insolvency proceedings (LIQUIDATION) closed by the judgment of 2027-06-29: "
                + "LIQUIDATION_INSUFFICIENT_ASSETS");
    }

    @Test
    void theTaskFollowsAConversionAndEndsWhenTheClosingIsRecordedThroughTheApi() {
        moveTo(PUBLISHED);
        UUID debtor = debtor();
        UUID proceedings = open(debtor, ProceedingsKind.SAFEGUARD);
        Task closing = closingTask(proceedings);
        assertThat(runtime.getVariable(closing.getProcessInstanceId(), "proceedingsKindLabel")).isEqualTo("procédure de sauvegarde");

        register.convert(proceedings, new ProceedingsConversion(ProceedingsKind.RECEIVERSHIP, LocalDate.of(2026, 3, 10), null, null, null));
        assertThat(runtime.getVariable(closing.getProcessInstanceId(), "proceedingsKindLabel")).isEqualTo("redressement judiciaire");

        moveTo(LocalDate.of(2028, 5, 2));
        ResponseEntity<JsonNode> closed = api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing",
                Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2028-04-28"), JsonNode.class, debtor, proceedings);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closingTask(proceedings)).as("recorded elsewhere: the task ends").isNull();
        assertThat(endOf(proceedings)).isEqualTo("EndEvent_ClosedElsewhere");
    }

    /** Proceedings opened before the process existed get their task at the next start, once. */
    @Test
    void proceedingsOpenedBeforeThisVersionGetTheirTaskAtStart() {
        moveTo(PUBLISHED);
        UUID proceedings = open(debtor(), ProceedingsKind.RECEIVERSHIP);
        runtime.deleteProcessInstance(closingTask(proceedings).getProcessInstanceId(), "as before this version");
        assertThat(closingTask(proceedings)).isNull();

        closingTasks.openBeforeThisVersion();
        closingTasks.openBeforeThisVersion();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProceedingsClosingContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).count()).isOne();
        assertThat(runtime.getVariable(closingTask(proceedings).getProcessInstanceId(), "judgmentDate")).isEqualTo("2026-03-02");
    }

    private ResponseEntity<JsonNode> submit(String task, String kind, String day, String note, String languages) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("closingKind", Map.of("value", kind));
        variables.put("closingJudgmentDate", Map.of("value", day));
        if (note != null) {
            variables.put("closingNote", Map.of("value", note));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, languages);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(OFFICER, "secret-" + OFFICER).exchange(task + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
    }

    private Task closingTask(UUID proceedings) {
        return tasks.createTaskQuery().processDefinitionKey(ProceedingsClosingContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).singleResult();
    }

    private String endOf(UUID proceedings) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProceedingsClosingContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).finished().singleResult().getEndActivityId();
    }

    private ProcessInstance declarationOf(UUID proceedings) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).singleResult();
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

package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.AmountDisplay;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A liquidation closed for insufficient assets, then reopened (art. L643-13 C. com.). One invoice of 10,000.00 (VAT at
 * 20 % inside) issued 1 January 2026, due 31 January; opening judgment on Monday 2 March 2026, published in the BODACC
 * on Thursday 12 March; the claim declared and admitted; closed for insufficient assets on 29 June 2027, nothing paid:
 * 10,000.00 written off, 1,666.67 of VAT inside (10000 / 1.2 = 8,333.33 excluding VAT). Reopened on 15 January 2028.
 */
@RecouvraTest
class LiquidationReopeningTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);
    /** A legal officer records the reopening, as the closing. */
    static final String OFFICER = "leo";

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
    EngineJobs jobs;
    @Autowired
    IdentityService identity;

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
    void aReopenedLiquidationResumesTheSameProceedingsAndLeavesTheWriteOffsWithATaskForTheLegalOfficer() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        String number = invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        UUID liquidation = open(debtor);
        ProcessInstance declaration = runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(liquidation.toString()).singleResult();
        jobs.runDue(declaration);
        moveTo(LocalDate.of(2026, 4, 2));
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-02", "declarationChannel", "REGISTERED_LETTER"));
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "ADMITTED", "admittedAmount", "10139.86"));
        moveTo(LocalDate.of(2027, 6, 30));
        assertThat(close(debtor, liquidation, "LIQUIDATION_INSUFFICIENT_ASSETS", "2027-06-29").getStatusCode()).isEqualTo(HttpStatus.OK);
        jobs.runDue(declaration);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);

        moveTo(LocalDate.of(2028, 2, 1));
        assertRefused(reopen(debtor, liquidation, Map.of("judgmentDate", "2027-06-28")), "judgmentDate");
        assertRefused(reopen(debtor, liquidation, Map.of("judgmentDate", "2028-02-02")), "judgmentDate");
        assertRefused(reopen(debtor, liquidation, Map.of("note", "actif omis")), "judgmentDate");
        assertRefused(reopen(debtor, liquidation, Map.of("judgmentDate", "2028-01-15", "note", "x".repeat(1001))), "note");
        assertThat(register.find(liquidation).getStatus()).as("nothing stored").isEqualTo(ProceedingsStatus.CLOSED);

        ResponseEntity<JsonNode> reopened = reopen(debtor, liquidation, Map.of("judgmentDate", "2028-01-15",
                "note", "fonds de commerce omis à l'inventaire"));
        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reopened.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.getBody().has("closingKind")).as("no closing any more").isFalse();
        assertThat(reopened.getBody().get("id").asText()).as("the same proceedings resume").isEqualTo(liquidation.toString());
        List<String> judgments = new ArrayList<>();
        api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings/{pid}/judgments", JsonNode.class, debtor, liquidation)
                .forEach(j -> judgments.add(j.get("judgment").asText() + " " + j.get("judgmentDate").asText()));
        assertThat(judgments).containsExactly("OPENING 2026-03-02", "CLOSING 2027-06-29", "REOPENING 2028-01-15");

        // the write-off stands: one write-off of 10,000.00, the invoice still written off and frozen, not dunned
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(jdbc.queryForObject("select amount from recouvra.write_off where invoice_number = ?", BigDecimal.class, number))
                .isEqualByComparingTo("10000.00");
        assertThat(invoices.get(number).isFrozenByInsolvency()).isTrue();
        assertThat(customers.get(debtor).getInsolvencyEndedOn()).as("still in proceedings").isNull();
        String tenThousand = AmountDisplay.of(new BigDecimal("10000.00"), "EUR");
        assertThat(trail(debtor)).contains("Liquidation reopened by the judgment of 2028-01-15 (art. L643-13 C. com.): it had been "
                        + "closed for insufficient assets on 2027-06-29",
                "Liquidation reopened: the claims written off at the closing stay written off: " + number + " (" + tenThousand + ")");

        String name = customers.get(debtor).getLegalName();
        Task follow = tasks.createTaskQuery().taskName("Suivre la liquidation judiciaire reprise : " + name).singleResult();
        assertThat(follow).as("a task for the legal officers").isNotNull();
        assertThat(follow.getId()).startsWith(ReopenedLiquidations.TASK_PREFIX);
        assertThat(tasks.createTaskQuery().taskId(follow.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        assertThat(follow.getDescription()).contains("reprise par le jugement du 15 janvier 2028",
                "clôturée pour insuffisance d'actif le 29 juin 2027", number + " (" + tenThousand + ")", "sans nouvelle déclaration");
        assertThat(tasks.createTaskQuery().processDefinitionKey(ProceedingsClosingContract.PROCESS_KEY)
                .processInstanceBusinessKey(liquidation.toString()).count()).as("the closing can be recorded again").isOne();

        assertThat(reopen(debtor, liquidation, Map.of("judgmentDate", "2028-01-20")).getStatusCode())
                .as("open: nothing to reopen").isEqualTo(HttpStatus.CONFLICT);
        assertRefused(close(debtor, liquidation, "LIQUIDATION_DEBTS_PAID", "2028-01-10"), "judgmentDate");
        assertThat(close(debtor, liquidation, "LIQUIDATION_DEBTS_PAID", "2028-01-31").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> paid = reopen(debtor, liquidation, Map.of("judgmentDate", "2028-02-01"));
        assertThat(paid.getStatusCode()).as("only a closing for insufficient assets is reopened").isEqualTo(HttpStatus.CONFLICT);
        assertThat(paid.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(api.anonymous().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/reopening",
                Map.of("judgmentDate", "2028-02-01"), String.class, debtor, liquidation).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasks.complete(task.getId(), new HashMap<>(variables));
        jobs.runDue(instance);
    }

    private ResponseEntity<JsonNode> close(UUID debtor, UUID proceedings, String kind, String day) {
        return api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing",
                Map.of("kind", kind, "judgmentDate", day), JsonNode.class, debtor, proceedings);
    }

    private ResponseEntity<JsonNode> reopen(UUID debtor, UUID proceedings, Map<String, Object> body) {
        return api.as(OFFICER, "secret-" + OFFICER).postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/reopening",
                body, JsonNode.class, debtor, proceedings);
    }

    private static void assertRefused(ResponseEntity<JsonNode> refused, String field) {
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly(field);
    }

    private UUID open(UUID debtor) {
        return register.report(debtor, new ProceedingsReport(ProceedingsKind.LIQUIDATION, JUDGMENT, "Tribunal de commerce de Lyon",
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

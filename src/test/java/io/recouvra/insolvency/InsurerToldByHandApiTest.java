package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.insurance.BuyerCovers;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.insurance.InsurancePolicies;
import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.insurance.SandboxCreditInsurer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/v1/customers/{id}/insurance/insolvency-notices/{judgmentDate}/told-by-hand}: a credit manager or an
 * integrator records, outside Tasklist, that a person told the credit insurer of a buyer's insolvency proceedings. The
 * insurer's API is unreachable; receivership is opened by the judgment of Friday 20 November 2026 and reported on
 * Monday 23 November (the engine's clock: 10:00 in Paris, 09:00 UTC).
 */
@RecouvraTest
class InsurerToldByHandApiTest {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 23);
    private static final LocalDate JUDGMENT = LocalDate.of(2026, 11, 20);

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    BuyerCovers covers;
    @Autowired
    InsuredInvoices insured;
    @Autowired
    SandboxCreditInsurer insurer;
    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    InsuranceClaims insurance;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    /** A credit manager and a collector of this test (users are kept across the test classes sharing the database). */
    String creditManager = "cm-" + UUID.randomUUID().toString().substring(0, 8);
    String collector = "col-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aPolicyAnUnreachableInsurerAndTwoUsers() {
        insurer.reset();
        moveTo(DUE.minusDays(40));
        policies.set(new InsurancePolicies.Terms("Allianz Trade", "POL-BY-HAND", "EUR", new BigDecimal("90"), BigDecimal.ZERO,
                BigDecimal.ZERO, 120, "DUE_DATE", "P15D", "P0D", "P30D", new BigDecimal("50000"), 2));
        user(creditManager, RecouvraGroups.CREDIT_MANAGERS);
        user(collector, RecouvraGroups.COLLECTORS);
    }

    @AfterEach
    void noPolicyForTheOtherTests() {
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
        ClockUtil.reset();
    }

    /**
     * Failed twice: the credit managers' task is open. Recorded through the API with who and when, the notice is told
     * by hand, the task is completed (once, with one trail entry), the insurer is never asked again, and a second
     * record is a conflict.
     */
    @Test
    void recordsWhoToldTheInsurerAndWhenCompletesTheOpenTaskAndRefusesASecondRecord() {
        UUID buyer = insolventInsuredBuyer();
        insurer.beUnreachableFor(1);
        assertThat(insurance.buyerInsolvent(buyer, notice())).isFalse();
        String taskId = "insurer-notice-" + buyer + "-" + JUDGMENT;
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("two failures: the task is open").isOne();

        ResponseEntity<JsonNode> told = post(as(creditManager), buyer, JUDGMENT.toString(),
                Map.of("toldAt", "2026-11-23T08:30:00Z", "toldBy", "Claire Martin, on the insurer's portal"));

        assertThat(told.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(told.getBody().get("judgmentDate").asText()).isEqualTo("2026-11-20");
        assertThat(told.getBody().get("kind").asText()).isEqualTo("RECEIVERSHIP");
        assertThat(Instant.parse(told.getBody().get("toldAt").asText())).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
        assertThat(told.getBody().get("toldByHandBy").asText()).isEqualTo("Claire Martin, on the insurer's portal");
        assertThat(told.getBody().get("failures").asInt()).isEqualTo(2);
        Map<String, Object> row = jdbc.queryForMap("""
                select told_at, told_by_hand_by from recouvra.insurer_insolvency_notice where customer_id = ? and judgment_date = ?""",
                buyer, JUDGMENT);
        assertThat(((java.sql.Timestamp) row.get("told_at")).toInstant()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
        assertThat(row.get("told_by_hand_by")).isEqualTo("Claire Martin, on the insurer's portal");

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is done").isZero();
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(trail(buyer)).filteredOn(entry -> entry.startsWith("Insurer told by hand")).containsExactly(
                "Insurer told by hand by Claire Martin, on the insurer's portal on 2026-11-23 of the insolvency proceedings opened"
                        + " by the judgment of 2026-11-20");
        assertThat(jdbc.queryForObject("""
                select actor from recouvra.interaction where customer_id = ? and summary like 'Insurer told by hand%'""",
                String.class, buyer)).as("who recorded it").isEqualTo(creditManager);
        assertThat(insurance.insurerKnowsOfInsolvency(buyer, JUDGMENT)).isTrue();
        assertThat(insurance.buyerInsolvent(buyer, notice())).as("known: not asked again").isTrue();
        assertThat(insurer.insolvenciesReported()).isEmpty();

        ResponseEntity<JsonNode> again = post(api.asAdmin(), buyer, JUDGMENT.toString(), Map.of("toldAt", "2026-11-23T08:45:00Z"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody().toString()).contains("already told").contains("Claire Martin");
        assertThat(jdbc.queryForObject("""
                select told_by_hand_by from recouvra.insurer_insolvency_notice where customer_id = ? and judgment_date = ?""",
                String.class, buyer, JUDGMENT)).as("unchanged").isEqualTo("Claire Martin, on the insurer's portal");
    }

    /**
     * Failed once (no task yet, the declaration of claims would try again): recorded without a name, the caller is who
     * told it, and the declaration's try does not ask the insurer.
     */
    @Test
    void withoutANameTheCallerToldItAndNoTaskIsNeeded() {
        UUID buyer = insolventInsuredBuyer();

        ResponseEntity<JsonNode> told = post(as(creditManager), buyer, JUDGMENT.toString(), Map.of("toldAt", "2026-11-20T16:00:00+01:00"));

        assertThat(told.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(told.getBody().get("toldByHandBy").asText()).isEqualTo(creditManager);
        assertThat(Instant.parse(told.getBody().get("toldAt").asText())).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(history.createHistoricTaskInstanceQuery().taskId("insurer-notice-" + buyer + "-" + JUDGMENT).count()).isZero();
        assertThat(insurance.buyerInsolvent(buyer, notice())).isTrue();
        assertThat(insurer.insolvenciesReported()).isEmpty();
    }

    /** 400 naming the field, 404 for what does not exist, 403 for a collector: problem+json, nothing recorded. */
    @Test
    void badInputUnknownNoticesAndCollectorsAreRefusedWithNothingRecorded() {
        UUID buyer = insolventInsuredBuyer();
        String judgment = JUDGMENT.toString();

        assertBadRequest(post(as(creditManager), buyer, judgment, Map.of("toldBy", "Claire")), "toldAt");
        // 09:00 UTC is now: 09:00:01 is in the future
        assertBadRequest(post(as(creditManager), buyer, judgment, Map.of("toldAt", "2026-11-23T09:00:01Z")), "toldAt");
        // 19 November 23:30 in Paris, the day before the judgment
        assertBadRequest(post(as(creditManager), buyer, judgment, Map.of("toldAt", "2026-11-19T22:30:00Z")), "toldAt");
        assertBadRequest(post(as(creditManager), buyer, judgment, Map.of("toldAt", "2026-11-23T08:30:00Z", "toldBy", "x".repeat(201))),
                "toldBy");
        assertBadRequest(post(as(creditManager), buyer, "2026-13-01", Map.of("toldAt", "2026-11-23T08:30:00Z")), "judgmentDate");
        assertBadRequest(post(as(creditManager), buyer, judgment, Map.of("toldAt", "yesterday")), "toldAt");

        ResponseEntity<JsonNode> otherJudgment = post(as(creditManager), buyer, "2026-11-13", Map.of("toldAt", "2026-11-23T08:30:00Z"));
        assertThat(otherJudgment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherJudgment.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> otherBuyer = post(as(creditManager), UUID.randomUUID(), judgment, Map.of("toldAt", "2026-11-23T08:30:00Z"));
        assertThat(otherBuyer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherBuyer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> byACollector = post(as(collector), buyer, judgment, Map.of("toldAt", "2026-11-23T08:30:00Z"));
        assertThat(byACollector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(insurance.insurerKnowsOfInsolvency(buyer, JUDGMENT)).as("nothing recorded").isFalse();
        assertThat(trail(buyer)).noneMatch(entry -> entry.startsWith("Insurer told by hand"));
    }

    private void assertBadRequest(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
    }

    /** A covered buyer with an insured 10,000.00 invoice, in receivership; the insurer could not be told (one failure). */
    private UUID insolventInsuredBuyer() {
        UUID buyer = customers.register(TestData.debtor("Charpente", TestData.wellRatedSiren(bureau), "FR")).getId();
        covers.requestLimit(buyer, new BigDecimal("50000"));
        moveTo(DUE.minusDays(38));
        assertThat(covers.sync(buyer)).isPresent();
        moveTo(DUE.minusDays(30));
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, buyer, null, DUE.minusDays(30), DUE, new BigDecimal("10000.00"), "EUR"));
        assertThat(insured.isInsured(number)).isTrue();
        moveTo(DUE);
        insurer.beUnreachableFor(1);
        register.report(buyer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, JUDGMENT, "Tribunal des activités économiques de Lyon",
                "Maître Anne Rivière", "10 rue de Bonnel, 69003 Lyon", null, null, ReportedBy.PERSON, false));
        assertThat(insurance.insurerKnowsOfInsolvency(buyer, JUDGMENT)).isFalse();
        return buyer;
    }

    private static InsolvencyNotice notice() {
        return new InsolvencyNotice("RECEIVERSHIP", JUDGMENT, "Tribunal des activités économiques de Lyon", "Maître Anne Rivière");
    }

    private ResponseEntity<JsonNode> post(TestRestTemplate as, UUID buyer, String judgment, Map<String, ?> body) {
        return as.postForEntity("/api/v1/customers/" + buyer + "/insurance/insolvency-notices/" + judgment + "/told-by-hand", body,
                JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return api.as(user, "secret-" + user);
    }

    private void user(String id, String group) {
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }
}

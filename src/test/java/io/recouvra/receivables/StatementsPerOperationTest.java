package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.scoring.Scoring;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.SqlStatements;
import io.recouvra.support.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The SQL statements one registration and one payment cost over the API, as an integrator's nightly push
 * runs them (docs/performance.md): counts, which a busy machine cannot change, where a timing would be noise.
 * The ceilings are what the work needs today; a change that adds a query per invoice fails here, with the
 * statements listed. The first registration and payment of the class warm what any running server has warm
 * (the integrator's verified credentials, the engine's deployment cache).
 */
@RecouvraTest
class StatementsPerOperationTest {

    /** 26 (docs/performance.md; 50, then 38 before): 4 variables written three times each are 12 of them. */
    static final int REGISTRATION_CEILING = 26;
    /**
     * 66 for an invoice not yet assessed (docs/performance.md; 77, then 73 before); 4 of them delete its variables.
     * Five came with the dashboard: the customer's payment delay and its invoices' expected days (cash forecast), and
     * how the invoice was recovered (its last stage read, the recovery row written).
     */
    static final int PAYMENT_CEILING = 66;
    /**
     * 104 for the overdue wave of one invoice (docs/performance.md, 125 before issue 19's third pass: DunningStrategy's
     * history keeps one output, the outbox reads the customer once per message, overdueSince is no longer a variable
     * and an unchanged outstandingAmount is not written again): its two jobs (assess the customer and choose the
     * strategy; the overdue timer: mark it overdue, send reminder 1) and the outbox dispatching that reminder.
     */
    static final int WAVE_CEILING = 104;

    @Autowired
    Api api;
    @Autowired
    SqlStatements statements;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Scoring scoring;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    private String customerId;

    @BeforeEach
    void aCustomerWithOneInvoiceAlreadyPaid() {
        customerId = post("/api/v1/customers", Map.of("legalName", "Comptage SAS", "registrationNumber", TestData.siren(),
                "city", "Lyon", "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "emailConsent", true))))
                .get("id").asText();
        String warm = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(warm));
        post("/api/v1/payments", payment(warm));
    }

    @Test
    void registeringAnInvoiceStaysUnderItsCeiling() {
        String number = TestData.invoiceNumber();

        credentialsVerifiedAMomentAgo();
        statements.record(SqlStatements::requestThread);
        post("/api/v1/invoices", invoice(number));
        List<String> ran = statements.stop();

        System.out.printf("registration over HTTP: %d SQL statements%n", ran.size());
        assertThat(ran.size()).as(listed(ran)).isLessThanOrEqualTo(REGISTRATION_CEILING);
    }

    @Test
    void aPaymentSettlingAnInvoiceStaysUnderItsCeiling() {
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number));

        credentialsVerifiedAMomentAgo();
        statements.record(SqlStatements::requestThread);
        post("/api/v1/payments", payment(number));
        List<String> ran = statements.stop();

        System.out.printf("payment settling an invoice over HTTP: %d SQL statements%n", ran.size());
        assertThat(ran.size()).as(listed(ran)).isLessThanOrEqualTo(PAYMENT_CEILING);
        JsonNode invoice = api.asAdmin().getForEntity("/api/v1/invoices/" + number, JsonNode.class).getBody();
        assertThat(invoice.get("status").asText()).as("the payment was booked, not refused").isEqualTo("PAID");
    }

    @Test
    void theOverdueWaveOfAnInvoiceStaysUnderItsCeiling() {
        // within contact hours, so that the outbox sends the reminder rather than deferring it
        EngineClock.moveTo(LocalDate.of(2026, 11, 23));
        try {
            // a first wave warms what a running server has warm (the decision, the templates)
            wave(register(waveCustomer()));
            // the customer was scored today (the nightly rescoring, an earlier invoice of the wave): its score is reused
            String customer = waveCustomer();
            scoring.score(UUID.fromString(customer));
            String number = register(customer);

            List<String> ran = wave(number);

            System.out.printf("overdue wave of one invoice: %d SQL statements%n", ran.size());
            assertThat(ran.size()).as(listed(ran)).isLessThanOrEqualTo(WAVE_CEILING);
            assertThat(jdbc.queryForList("select status from recouvra.outbox_message where case_ref = ? and step = 'reminder-1'",
                    String.class, number)).as("reminder 1 went out by email").containsExactly("SENT");
            assertThat(jdbc.queryForObject("select overdue_since from recouvra.invoice where number = ?", LocalDate.class,
                    number)).as("marked overdue").isNotNull();
        } finally {
            ClockUtil.reset();
        }
    }

    /** A customer the bureau rates well (DunningStrategy's Rule_SmallAmount for 120.00 EUR: reminder 1 by email). */
    private String waveCustomer() {
        return post("/api/v1/customers", Map.of("legalName", "Vague SAS", "registrationNumber", TestData.wellRatedSiren(bureau),
                "city", "Lyon", "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org",
                        "emailConsent", true)))).get("id").asText();
    }

    /** 120.00 EUR due 60 days before the clock's day, as the load test registers them: returns its number. */
    private String register(String customer) {
        String number = TestData.invoiceNumber();
        LocalDate due = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.PARIS).minusDays(60);
        post("/api/v1/invoices", Map.of("number", number, "customerId", customer, "issueDate", due.minusDays(30).toString(),
                "dueDate", due.toString(), "amount", "120.00", "currency", "EUR"));
        return number;
    }

    /**
     * The statements of the invoice's overdue wave, as the job executor and the outbox's workers run it: each job due
     * now executed (looked up unrecorded), then the outbox dispatching what is due (nothing else is: drained first).
     */
    private List<String> wave(String number) {
        drain();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult();
        List<String> ran = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            List<String> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list().stream()
                    .map(Job::getId).toList();
            if (due.isEmpty()) {
                break;
            }
            for (String job : due) {
                statements.record(thread -> thread == Thread.currentThread());
                management.executeJob(job);
                ran.addAll(statements.stop());
            }
        }
        statements.record(thread -> thread == Thread.currentThread());
        dispatcher.dispatchDue();
        ran.addAll(statements.stop());
        return ran;
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }

    /** As for an integrator sending one request after another: its credentials were verified a moment ago. */
    private void credentialsVerifiedAMomentAgo() {
        assertThat(api.asAdmin().getForEntity("/api/v1/customers/" + customerId, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String listed(List<String> ran) {
        return ran.size() + " statements:\n" + SqlStatements.byStatement(ran).entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    /** Overdue by two months, as the load test registers them (docs/performance.md). */
    private Map<String, Object> invoice(String number) {
        LocalDate due = LocalDate.now().minusDays(60);
        return Map.of("number", number, "customerId", customerId, "issueDate", due.minusDays(30).toString(),
                "dueDate", due.toString(), "amount", "120.00", "currency", "EUR");
    }

    private Map<String, Object> payment(String number) {
        return Map.of("customerId", customerId, "amount", "120.00", "currency", "EUR", "valueDate", LocalDate.now().toString(),
                "bankReference", "VIR-" + number, "allocations", List.of(Map.of("invoiceNumber", number, "amount", "120.00")));
    }

    private JsonNode post(String path, Object body) {
        ResponseEntity<JsonNode> response = api.asAdmin().postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }
}

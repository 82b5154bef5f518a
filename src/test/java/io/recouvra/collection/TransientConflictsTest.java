package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions meeting on one customer or one process instance, staged step by step: the test holds one transaction open at
 * a chosen point, waits until PostgreSQL shows the request under test waiting for its locks, then lets
 * the first one commit. Only outcomes are asserted, never timings: each wait is for a state, with a
 * bound far above any machine's speed.
 */
@RecouvraTest
class TransientConflictsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * The 409 "Concurrent update" seen right after an invoice was registered: the job executor assesses
     * the new invoice's customer (the instance's first step) while a payment settles the invoice and
     * tells the same instance. The payment waits for the job's transaction; when it meets the engine rows
     * the job changed, it loses on the engine's optimistic lock and its whole transaction is run again:
     * either way it is booked once and ends the collection.
     */
    @Test
    void aPaymentThatMeetsTheJobExecutorOnItsInvoiceIsBookedOnceAndEndsTheCollection() throws Exception {
        UUID customer = customer();
        String number = invoice(customer, "840.00");
        Job assessment = management.createJobQuery().processInstanceId(instanceOf(number)).singleResult();
        CountDownLatch assessed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> jobExecutor = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    management.executeJob(assessment.getId());
                    assessed.countDown();
                    await(commit);
                }), threads);
        await(assessed);
        CompletableFuture<ResponseEntity<JsonNode>> payment = CompletableFuture.supplyAsync(() -> api.asAdmin()
                .postForEntity("/api/v1/payments", Map.of("customerId", customer, "amount", "840.00", "currency", "EUR",
                        "valueDate", LocalDate.now().toString(), "bankReference", "VIR-" + number), JsonNode.class), threads);
        // the payment meets what the job's transaction holds: the engine's rows of the instance, or, since the
        // assessment also writes beside the invoice and the dashboard's read models follow it, a ledger row first
        waitUntil(() -> !waiting().isEmpty());
        commit.countDown();
        jobExecutor.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        ResponseEntity<JsonNode> answer = payment.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment where customer_id = ?", Integer.class, customer))
                .as("booked once").isEqualTo(1);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("0.00");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceOf(number))
                .activityId("StartEvent_PaymentReceived").count()).as("ended by the payment, once").isEqualTo(1);
    }

    /**
     * Invoice registration locks its customer first, as every ledger change does: registered at the same
     * moment as another invoice of the customer, it waits for it, and the exposure checked against the
     * credit limit counts it. Before, both read the exposure without the other and neither was flagged.
     */
    @Test
    void twoInvoicesRegisteredAtOnceAreCheckedTogetherAgainstTheCreditLimit() throws Exception {
        UUID customer = customer();
        customers.setCreditTerms(customer, new BigDecimal("1000.00"), 60, "INVOICE_DATE", null);
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        String first = TestData.invoiceNumber();
        String second = TestData.invoiceNumber();
        LocalDate due = LocalDate.now().plusDays(30);

        CompletableFuture<Void> firstRegistration = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    invoices.register(new NewInvoice(first, customer, null, due.minusDays(30), due, new BigDecimal("700.00"), "EUR"));
                    registered.countDown();
                    await(commit);
                }), threads);
        await(registered);
        CompletableFuture<ResponseEntity<JsonNode>> secondRegistration = CompletableFuture.supplyAsync(() -> api.asAdmin()
                .postForEntity("/api/v1/invoices", Map.of("number", second, "customerId", customer, "issueDate",
                        due.minusDays(30).toString(), "dueDate", due.toString(), "amount", "600.00", "currency", "EUR"),
                        JsonNode.class), threads);
        // the second one waits for the first (or, without the customer lock, is already through)
        waitUntil(() -> secondRegistration.isDone() || waiting().stream().anyMatch(query -> query.contains("recouvra.customer")));
        commit.countDown();
        firstRegistration.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        ResponseEntity<JsonNode> answer = secondRegistration.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        // exposure 700.00 + 600.00 = 1300.00 > limit 1000.00: the second invoice takes the customer over it
        assertThat(invoices.get(first).isOverCreditLimit()).isFalse();
        assertThat(invoices.get(second).isOverCreditLimit()).as("counted with the first one").isTrue();
    }

    /** The queries of the other sessions now waiting for a lock, in lower case. */
    private List<String> waiting() {
        return jdbc.queryForList("""
                select lower(query) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""", String.class);
    }

    private void waitUntil(BooleanSupplier state) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            if (state.getAsBoolean()) {
                return;
            }
            assertThat(Instant.now()).as("waited for the other transaction; waiting now: " + waiting()).isBefore(giveUp);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the other side got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID customer() {
        return customers.register(TestData.debtor("Scierie", TestData.siren(), "FR")).getId();
    }

    private String invoice(UUID customer, String amount) {
        String number = TestData.invoiceNumber();
        LocalDate due = LocalDate.now().plusDays(30);
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private String instanceOf(String number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY).singleResult().getId();
    }
}

package io.recouvra.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.guarantee.NewGuarantee;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.web.ConflictException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of CreditReview on the real engine: automatic terms, approval, refusal. */
@RecouvraTest
class CreditReviewProcessTest {


    @Autowired
    ProcessEngine engine;
    @Autowired
    CreditReviews reviews;
    @Autowired
    CustomerService customers;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    InteractionLog interactions;
    @Autowired
    Api api;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    UUID customer;

    @BeforeEach
    void aWellRatedCustomer() {
        BpmnAwareTests.init(engine);
        customer = customers.register(new NewCustomer("Reviewed SA", TestData.wellRatedSiren(bureau), null, null, null,
                null, null, null, List.of())).getId();
    }

    @Test
    void aSmallRequestFromALowRiskCustomerGetsItsTermsWithoutApproval() {
        ProcessInstance review = reviews.start(customer, new BigDecimal("5000"), CreditReviews.Reason.LIMIT_REQUEST);
        runJobs(review);

        assertThat(review).isEnded().hasPassed("Task_ApplyCreditPolicy", "Task_SetCreditTerms", "EndEvent_TermsSet")
                .hasNotPassed("Task_ApproveCreditLimit");
        Customer terms = customers.get(customer);
        assertThat(terms.getCreditLimit()).isEqualByComparingTo("5000.00");
        assertThat(terms.getMaxPaymentDays()).isEqualTo(60);
        assertThat(terms.getGuarantee()).isEqualTo("NONE");
        assertThat(interactions.ofCustomer(customer, 0, 10).getContent()).extracting(Interaction::getSummary)
                .anySatisfy(summary -> assertThat(summary).startsWith("Credit terms set: limit 5000.00 EUR"));
    }

    @Test
    void aLargeRequestWaitsForACreditManagerWhoMayLowerTheLimit(@Autowired Guarantees guarantees) throws Exception {
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
                new BigDecimal("10000.00"), "EUR"));
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.DEPOSIT, null, null, null, null, new BigDecimal("3000.00"), "EUR",
                LocalDate.now().minusDays(30), null, null, null, null, null, null, null, null, null));
        ProcessInstance review = reviews.start(customer, new BigDecimal("200000"), CreditReviews.Reason.LIMIT_REQUEST);
        runJobs(review);

        assertThat(review).isWaitingAt("Task_ApproveCreditLimit");
        assertThat(task(review)).hasCandidateGroup(RecouvraGroups.CREDIT_MANAGERS);
        assertThat(tasks.getVariable(task(review).getId(), "proposedLimit")).isEqualTo("200000.00");
        assertThat((String) tasks.getVariable(task(review).getId(), "proposedTerms")).contains("CREDIT_INSURANCE");
        // 10,000.00 owed, of which the 3,000.00 deposit secures 3,000.00
        assertThat(tasks.getVariable(task(review).getId(), "exposure")).isEqualTo("10000.00");
        assertThat(tasks.getVariable(task(review).getId(), "securedExposure")).isEqualTo(3000.0);
        assertThat(tasks.getVariable(task(review).getId(), "unsecuredExposure")).isEqualTo(7000.0);
        assertThat(tasks.getVariable(task(review).getId(), "securedExposureDisplay")).isEqualTo("3 000,00 €");
        Task approval = tasks.createTaskQuery().processInstanceId(review.getId()).initializeFormKeys().singleResult();
        try (InputStream form = forms.getDeployedTaskForm(approval.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"approveCreditLimit\"");
        }

        tasks.complete(approval.getId(), Map.of("approved", true, "approvedLimit", 150000, "decisionNote",
                "insured up to 150k only"));

        assertThat(review).isEnded().hasPassed("EndEvent_TermsSet");
        assertThat(customers.get(customer).getCreditLimit()).isEqualByComparingTo("150000.00");
        assertThat(customers.get(customer).getGuarantee()).isEqualTo("CREDIT_INSURANCE");
    }

    /**
     * The policy decides on the unsecured part. The customer (class A) owes 40,000.00 and asks for a limit of 120,000.00:
     * 120,000 unsecured is above class A's 100,000, so a credit manager must approve (here: refuses). Once a bank's
     * first-demand guarantee of 40,000.00 on the whole account is registered, it secures the 40,000.00 owed: the
     * unsecured part of the limit asked is 120,000 - 40,000 = 80,000 <= 100,000 and nothing is owed unsecured, so the
     * same request gets its terms (120,000.00, 60 days, no guarantee required) without approval.
     */
    @Test
    void aValidGuaranteeTakesTheUnsecuredPartUnderTheThresholdAndTheRequestNeedsNoApproval(@Autowired Guarantees guarantees) {
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, LocalDate.now().minusDays(10),
                LocalDate.now().plusDays(20), new BigDecimal("40000.00"), "EUR"));
        ProcessInstance unsecured = reviews.start(customer, new BigDecimal("120000"), CreditReviews.Reason.LIMIT_REQUEST);
        runJobs(unsecured);

        assertThat(engine.getRuntimeService().getVariable(unsecured.getId(), "riskClass")).isEqualTo("A");
        assertThat(engine.getRuntimeService().getVariable(unsecured.getId(), "unsecuredExposure")).isEqualTo(40000.0);
        assertThat(unsecured).as("120,000 unsecured > 100,000").isWaitingAt("Task_ApproveCreditLimit");
        assertThat((String) tasks.getVariable(task(unsecured).getId(), "proposedTerms")).contains("CREDIT_INSURANCE");
        tasks.complete(task(unsecured).getId(), Map.of("approved", false, "decisionNote", "ask for a bank guarantee first"));

        guarantees.register(customer, new NewGuarantee(GuaranteeKind.FIRST_DEMAND_GUARANTEE, null, "Banque du Rhône",
                "1 quai Jules Courmont\n69002 Lyon", false, new BigDecimal("40000.00"), "EUR", LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1), "GAPD-120", "on first written demand", null, null, null, null, null, null));
        ProcessInstance secured = reviews.start(customer, new BigDecimal("120000"), CreditReviews.Reason.LIMIT_REQUEST);
        runJobs(secured);

        assertThat(secured).as("80,000 unsecured <= 100,000").isEnded().hasPassed("Task_SetCreditTerms")
                .hasNotPassed("Task_ApproveCreditLimit");
        Customer terms = customers.get(customer);
        assertThat(terms.getCreditLimit()).isEqualByComparingTo("120000.00");
        assertThat(terms.getMaxPaymentDays()).isEqualTo(60);
        assertThat(terms.getGuarantee()).isEqualTo("NONE");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(secured.getId())
                .variableName("securedExposure").singleResult().getValue()).isEqualTo(40000.0);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(secured.getId())
                .variableName("unsecuredExposure").singleResult().getValue()).isEqualTo(0.0);
    }

    @Test
    void aRefusalLeavesTheTermsAsTheyWereAndSaysWhy() {
        ProcessInstance review = reviews.start(customer, new BigDecimal("200000"), CreditReviews.Reason.LIMIT_REQUEST);
        runJobs(review);

        tasks.complete(task(review).getId(), Map.of("approved", false, "decisionNote", "too large for this customer"));

        assertThat(review).isEnded().hasPassed("Task_RecordRefusal", "EndEvent_Refused").hasNotPassed("Task_SetCreditTerms");
        assertThat(customers.get(customer).getCreditLimit()).isNull();
        assertThat(interactions.ofCustomer(customer, 0, 10).getContent()).extracting(Interaction::getSummary)
                .anySatisfy(summary -> assertThat(summary).contains("refused").contains("too large for this customer"));
    }

    @Test
    void aLimitIsRequestedThroughTheApiAndOneReviewRunsAtATime() {
        var first = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/credit-reviews",
                Map.of("requestedAmount", 200000), JsonNode.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("businessKey").asText()).startsWith("CR-");

        var second = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/credit-reviews",
                Map.of("requestedAmount", 1000), JsonNode.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var bad = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/credit-reviews",
                Map.of("requestedAmount", -1), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("requestedAmount");
    }

    @Test
    void invoicesBeyondTheTermsTheReviewSetAreFlaggedAndGoingOverTheLimitIsAnEarlyWarning() {
        runJobs(reviews.start(customer, new BigDecimal("5000"), CreditReviews.Reason.LIMIT_REQUEST));
        LocalDate today = LocalDate.now();

        Invoice withinTerms = invoices.register(new NewInvoice("CR-OK-" + customer, customer, null, today, today.plusDays(60),
                new BigDecimal("3000"), "EUR"));
        Invoice overLimit = invoices.register(new NewInvoice("CR-OVER-" + customer, customer, null, today,
                today.plusDays(30), new BigDecimal("2500"), "EUR"));
        Invoice longTerms = invoices.register(new NewInvoice("CR-LONG-" + customer, customer, null, today,
                today.plusDays(61), new BigDecimal("1"), "EUR"));

        assertThat(withinTerms.isOverCreditLimit()).isFalse();
        assertThat(withinTerms.isTermsBeyondPolicy()).isFalse();
        assertThat(overLimit.isOverCreditLimit()).isTrue();
        assertThat(longTerms.isTermsBeyondPolicy()).isTrue();
        JsonNode shown = api.asAdmin().getForEntity("/api/v1/invoices/CR-OVER-" + customer, JsonNode.class).getBody();
        assertThat(shown.get("overCreditLimit").asBoolean()).isTrue();
        ProcessInstance warningReview = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("CreditReview").variableValueEquals("customerId", customer.toString()).singleResult();
        assertThat(engine.getRuntimeService().getVariable(warningReview.getId(), "reason")).isEqualTo("EARLY_WARNING");
        assertThat((String) engine.getRuntimeService().getVariable(warningReview.getId(), "reviewReason"))
                .contains("over its credit limit of 5000.00");
    }

    @Test
    void aLimitInEurosIsCheckedAgainstTheEuroExposureOnlyNeverAgainstAmountsAddedAcrossCurrencies() {
        runJobs(reviews.start(customer, new BigDecimal("5000"), CreditReviews.Reason.LIMIT_REQUEST));
        LocalDate today = LocalDate.now();

        // Limit 5,000 EUR. 4,000 USD open, then 3,000 EUR: the euro exposure is 3,000 (not 7,000), within the limit.
        Invoice dollars = invoices.register(new NewInvoice("CR-USD-" + customer, customer, null, today, today.plusDays(30),
                new BigDecimal("4000"), "USD"));
        Invoice euros = invoices.register(new NewInvoice("CR-EUR-" + customer, customer, null, today, today.plusDays(30),
                new BigDecimal("3000"), "EUR"));
        // 9,000 USD more: no exchange rate is kept, so dollars are compared with nothing.
        Invoice moreDollars = invoices.register(new NewInvoice("CR-USD2-" + customer, customer, null, today, today.plusDays(30),
                new BigDecimal("9000"), "USD"));
        // 2,500 EUR more: 3,000 + 2,500 = 5,500 EUR, over the limit by 500.
        Invoice overLimit = invoices.register(new NewInvoice("CR-EUR2-" + customer, customer, null, today, today.plusDays(30),
                new BigDecimal("2500"), "EUR"));

        assertThat(dollars.isOverCreditLimit()).isFalse();
        assertThat(euros.isOverCreditLimit()).as("3,000 EUR of a 5,000 EUR limit").isFalse();
        assertThat(moreDollars.isOverCreditLimit()).isFalse();
        assertThat(overLimit.isOverCreditLimit()).isTrue();
        ProcessInstance warningReview = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("CreditReview").variableValueEquals("customerId", customer.toString()).singleResult();
        assertThat((String) engine.getRuntimeService().getVariable(warningReview.getId(), "reviewReason"))
                .contains("owes 5500.00 EUR with invoice CR-EUR2-" + customer);
    }

    @Test
    void twoTransactionsStartingAReviewOfTheSameCustomerAtOnceStartOne() throws Exception {
        whileAnotherTransactionStartsAReview(() -> assertThatThrownBy(() -> reviews.start(customer,
                new BigDecimal("2000"), CreditReviews.Reason.LIMIT_REQUEST)).isInstanceOf(ConflictException.class));
    }

    @Test
    void anEarlyWarningRacingAReviewIsAbsorbedByItWithoutFailing() throws Exception {
        whileAnotherTransactionStartsAReview(() -> assertThat(reviews.startUnlessRunning(customers.get(customer),
                new BigDecimal("2000"), CreditReviews.Reason.EARLY_WARNING, "over the limit")).isEmpty());
    }

    /** Runs {@code secondStart} while another transaction has started a review and not yet committed. */
    private void whileAnotherTransactionStartsAReview(Runnable secondStart) throws Exception {
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch firstStarted = new CountDownLatch(1);
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = otherThread.submit(() -> inTransaction.executeWithoutResult(status -> {
                reviews.start(customer, new BigDecimal("1000"), CreditReviews.Reason.LIMIT_REQUEST);
                firstStarted.countDown();
                waitUntilAnotherTransactionWaitsForTheCustomersLock(); // still uncommitted while the second one tries
            }));
            assertThat(firstStarted.await(2, TimeUnit.MINUTES)).isTrue();
            secondStart.run(); // in a transaction of its own: both starts are @Transactional
            first.get(2, TimeUnit.MINUTES);
        } finally {
            otherThread.shutdownNow();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CreditReviewContract.PROCESS_KEY)
                .variableValueEquals("customerId", customer.toString()).count()).isEqualTo(1);
    }

    private int advisoryLockWaiters() {
        jdbc.query("select pg_stat_clear_snapshot()", row -> { });
        return jdbc.queryForObject("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                and pid <> pg_backend_pid() and query like '%pg_advisory_xact_lock%'""", Integer.class);
    }

    /** A state, not a delay: PostgreSQL shows the second start waiting for the customer's review lock. */
    private void waitUntilAnotherTransactionWaitsForTheCustomersLock() {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // polled inside the first transaction: PostgreSQL keeps one pg_stat_activity snapshot per transaction
        // unless it is cleared
        while (advisoryLockWaiters() == 0) {
            assertThat(System.nanoTime()).as("the second start waits for the lock").isLessThan(giveUp);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void runJobs(ProcessInstance instance) {
        management.createJobQuery().processInstanceId(instance.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
    }
}

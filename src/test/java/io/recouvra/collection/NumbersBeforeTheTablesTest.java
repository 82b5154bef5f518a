package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Numbers that moved from the models into decision tables, for cases begun before they moved: a case
 * whose table result lacks the output, or that runs on the model version with the number written in,
 * keeps the number it had. Each test starts an instance where the number is read.
 *
 * <p>The element ids below are InvoiceCollection's and PaymentPlan's as they are; a model that moves a
 * step (the escalation becoming its own process) moves its id here too.
 */
@RecouvraTest
class NumbersBeforeTheTablesTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String LEGACY_CALL = "CollectorCallBeforeCallPolicy";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    EngineJobs jobs;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CollectionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionService decisions;

    private final List<ProcessInstance> started = new ArrayList<>();

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "NumbersBeforeTheTablesTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "NumbersBeforeTheTablesTest");
    }

    @BeforeEach
    void today() {
        BpmnAwareTests.init(engine);
        EngineClock.moveTo(TODAY);
        repository.createDeployment().name(LEGACY_CALL).enableDuplicateFiltering(true)
                .addClasspathResource("legacy/collector-call-before-call-policy.bpmn")
                .addClasspathResource("forms/call-debtor.form").deploy();
    }

    /** Instances of these tests wait on timers other tests' clocks would reach: none is left behind. */
    @AfterEach
    void cleanUp() {
        started.stream().filter(instance -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0)
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true));
        ClockUtil.reset();
    }

    // ---- DunningStrategy's formalNoticePaymentDays

    @Test
    void aStrategyChosenBeforeTheTableSaidGivesTheFormalNoticeEightDays() {
        ProcessInstance chosenBefore = atTheFormalNotice(strategy -> strategy.remove("formalNoticePaymentDays"));
        ProcessInstance eightDays = atTheFormalNotice(strategy -> strategy.put("formalNoticePaymentDays", 8));
        ProcessInstance twelveDays = atTheFormalNotice(strategy -> strategy.put("formalNoticePaymentDays", 12));

        assertThat(runtime.getVariable(chosenBefore.getId(), "formalNoticeDeadline"))
                .isEqualTo(runtime.getVariable(eightDays.getId(), "formalNoticeDeadline"))
                .isNotEqualTo(runtime.getVariable(twelveDays.getId(), "formalNoticeDeadline"));
        assertThat(chosenBefore).isWaitingAt("Timer_FormalNoticeDeadline");
    }

    // ---- EscalationRoute's reassessmentDays

    @Test
    void aRouteChosenBeforeTheTableSaidIsReassessedAfterThirtyDays() {
        Map<String, Object> routeBefore = new HashMap<>(Map.of("route", "WRITE_OFF_PROPOSAL", "routeReason", "small amount"));
        Map<String, Object> routeNow = new HashMap<>(routeBefore);
        routeNow.put("reassessmentDays", 45);

        assertThat(dueDateOf(waitingToReassess(routeBefore))).isEqualTo(inDays(30));
        assertThat(dueDateOf(waitingToReassess(routeNow))).isEqualTo(inDays(45));
    }

    // ---- PaymentPlanPolicy's acceptanceDays

    @Test
    void aPlanWhosePolicyWasDecidedBeforeTheTableSaidWaitsSevenDaysForTheDebtor() {
        Map<String, Object> policyBefore = new HashMap<>(Map.of("planAllowed", true, "planApprovalNeeded", false));
        Map<String, Object> policyNow = new HashMap<>(policyBefore);
        policyNow.put("acceptanceDays", 10);

        assertThat(dueDateOf(waitingForAcceptance(policyBefore))).isEqualTo(inDays(7));
        assertThat(dueDateOf(waitingForAcceptance(policyNow))).isEqualTo(inDays(10));
    }

    @Test
    void aPlanWhosePolicyWasDecidedBeforeTheTableSaidGivesFiveDaysToCatchUp() {
        Map<String, Object> policyBefore = new HashMap<>(Map.of("planAllowed", true, "planApprovalNeeded", false));
        Map<String, Object> policyNow = new HashMap<>(policyBefore);
        policyNow.put("catchUpDays", 9);

        assertThat(dueDateOf(waitingToCatchUp(policyBefore))).isEqualTo(inDays(5));
        assertThat(dueDateOf(waitingToCatchUp(policyNow))).isEqualTo(inDays(9));
    }

    /** The plan's cadence, as shipped on every rule: what payment-plan.bpmn and PaymentPlanSteps waited before. */
    @ParameterizedTest(name = "class {0}, {1} EUR over {2} months, insured {3}")
    @CsvSource({"A, 2000, 12, false", "A, 2000, 13, false", "E, 2000, 2, false", "D, 2000, 2, false", "B, 10000, 6, false",
            "B, 2000, 4, true"})
    void paymentPlanPolicyGivesThePlansCadenceOnEveryRule(String riskClass, double total, int months, boolean insured) {
        Map<String, Object> policy = decisions.evaluateDecisionTableByKey("PaymentPlanPolicy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("planTotal", total).putValue("planMonths", months)
                        .putValue("smallestInstalment", 100.0).putValue("insured", insured))
                .getSingleResult().getEntryMap();

        assertThat(policy).containsEntry("instalmentReminderDays", 3).containsEntry("instalmentCheckDays", 3)
                .containsEntry("catchUpDays", 5).containsEntry("missesToBreak", 2);
    }

    // ---- CallPolicy

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STANDARD", "KEY_ACCOUNT", "PUBLIC_SECTOR"})
    void callPolicyGivesWhatCollectorCallHadWrittenInForEveryCustomer(String customerType) {
        Map<String, Object> terms = decisions.evaluateDecisionTableByKey("CallPolicy",
                Variables.createVariables().putValue("customerType", customerType)).getSingleResult().getEntryMap();

        assertThat(terms).containsEntry("callTries", 3).containsEntry("daysBetweenTries", 2).containsEntry("promiseGraceDays", 3)
                .containsEntry("paymentCheckDays", 5).containsEntry("longestPromiseDays", 90);
    }

    @Test
    void aCallOpenedBeforeCallPolicyKeepsItsThreeTriesTwoDaysApart() {
        ProcessInstance call = legacyCall();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(runtime.getVariable(call.getId(), "callAttempts")).isEqualTo(attempt);
            completeCall(call, Map.of("callOutcome", "NO_ANSWER"));
            if (attempt < 3) {
                assertThat(call).isWaitingAt("Timer_RetryCall");
                assertThat(dueDateOf(call)).isEqualTo(inDays(2));
                EngineClock.moveTo(TODAY.plusDays(2L * attempt));
                jobs.runDue(call);
            }
        }

        assertThat(call).isEnded();
    }

    @Test
    void aPromiseOnACallOpenedBeforeCallPolicyWaitsTheThreeGraceDaysOfItsModel() {
        ProcessInstance call = legacyCall();
        LocalDate promised = TODAY.plusDays(10);

        completeCall(call, Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", promised.toString(), "promisedAmount", "500.00"));

        assertThat(call).isEnded();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(call.getId())
                .variableName("resumeDunningAt").singleResult().getValue()).isEqualTo(calendar.dayAfter(promised, 3));
    }

    @Test
    void aCallThatReachesTheCollectorWithoutItsTermsGetsThemFromTheTable() {
        UUID customer = customer();
        String callId = openCallRow(customer, invoice(customer));
        // as a call migrated from the version before CallPolicy would be: waiting for the collector, no terms
        ProcessInstance call = started(runtime.createProcessInstanceByKey("CollectorCall").businessKey(callId)
                .setVariables(callVariables(customer, callId, 1)).startBeforeActivity("Task_CallDebtor").execute());

        completeCall(call, Map.of("callOutcome", "NO_ANSWER"));

        assertThat(call).isWaitingAt("Timer_RetryCall");
        assertThat(dueDateOf(call)).isEqualTo(inDays(2));
        assertThat(runtime.getVariables(call.getId())).containsEntry("callTries", 3).containsEntry("daysBetweenTries", 2)
                .containsEntry("promiseGraceDays", 3).containsEntry("paymentCheckDays", 5).containsEntry("longestPromiseDays", 90);
    }

    // ---- helpers

    private ProcessInstance atTheFormalNotice(Consumer<Map<String, Object>> strategyAsChosen) {
        UUID customer = customer();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, TODAY.minusDays(70), TODAY.minusDays(40), new BigDecimal("1200.00"), "EUR"));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult();
        jobs.runDue(instance);
        @SuppressWarnings("unchecked")
        Map<String, Object> strategy = new HashMap<>((Map<String, Object>) runtime.getVariable(instance.getId(), "strategy"));
        strategyAsChosen.accept(strategy);
        runtime.setVariable(instance.getId(), "strategy", strategy);
        runtime.setVariable(instance.getId(), "dunningLevel", 3);
        runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity("SubProcess_Collection")
                .startBeforeActivity("Task_SendFormalNotice").execute();
        jobs.runDue(instance);
        started.add(instance);
        return instance;
    }

    private ProcessInstance waitingToReassess(Map<String, Object> escalation) {
        return started(runtime.createProcessInstanceByKey(EscalationContract.PROCESS_KEY).businessKey(TestData.invoiceNumber())
                .setVariable("escalation", escalation).startBeforeActivity("Timer_ReassessEscalation").execute());
    }

    /** Offered, waiting for the debtor's acceptance or the end of the days to accept. */
    private ProcessInstance waitingForAcceptance(Map<String, Object> planPolicy) {
        return started(runtime.createProcessInstanceByKey("PaymentPlan").businessKey(UUID.randomUUID().toString())
                .setVariable("planPolicy", planPolicy).startBeforeActivity("Gateway_Accepted").execute());
    }

    /** An instalment missed once: reminded, waiting for the debtor to catch up. */
    private ProcessInstance waitingToCatchUp(Map<String, Object> planPolicy) {
        return started(runtime.createProcessInstanceByKey("PaymentPlan").businessKey(UUID.randomUUID().toString())
                .setVariable("planPolicy", planPolicy).startBeforeActivity("Timer_MissedGrace").execute());
    }

    private ProcessInstance started(ProcessInstance instance) {
        started.add(instance);
        return instance;
    }

    private ProcessInstance legacyCall() {
        UUID customer = customer();
        String callId = openCallRow(customer, invoice(customer));
        ProcessInstance call = started(runtime.startProcessInstanceByKey(LEGACY_CALL, callId, callVariables(customer, callId, 0)));
        assertThat(call).isWaitingAt("Task_CallDebtor");
        return call;
    }

    private Map<String, Object> callVariables(UUID customer, String callId, int attempts) {
        return new HashMap<>(Map.of("callId", callId, "customerId", customer.toString(),
                "customerName", customers.get(customer).getLegalName(), "callAttempts", attempts));
    }

    /** The call's row, about one invoice, as CollectorCalls opens it. */
    private String openCallRow(UUID customer, String invoiceNumber) {
        UUID callId = UUID.randomUUID();
        jdbc.update("insert into recouvra.collector_call (id, customer_id, status, opened_at) values (?, ?, 'OPEN', ?)",
                callId, customer, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
        jdbc.update("insert into recouvra.collector_call_invoice (call_id, invoice_number) values (?, ?)", callId, invoiceNumber);
        return callId.toString();
    }

    private void completeCall(ProcessInstance call, Map<String, Object> form) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(call.getId()).singleResult().getId(), new HashMap<>(form));
        jobs.runDue(call);
    }

    private UUID customer() {
        return customers.register(new NewCustomer("Garage " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau), "FR", "fr",
                null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "STANDARD")).getId();
    }

    /** An invoice not due yet, so that its own collection asks for no call. */
    private String invoice(UUID customer) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, TODAY.minusDays(10), TODAY.plusDays(20), new BigDecimal("800.00"), "EUR"));
        return number;
    }

    private Date dueDateOf(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer).as("a timer of %s", instance.getId()).isNotNull();
        return timer.getDuedate();
    }

    private static Date inDays(int days) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(days * 86_400L));
    }
}

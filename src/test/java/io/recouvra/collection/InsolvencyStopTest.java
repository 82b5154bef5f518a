package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.agency.AgencyTestAccess;
import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stop (docs/insolvency.md): one test per kind of action in flight when the opening judgment is reported. Each
 * time the action stops, the trail says why, and nothing booked changes (the amount owed and the invoice's status stay
 * as they were, to be declared). The judgment is dated 13 November 2026, ten days before the tests' first day: the
 * invoices issued before it are frozen, one issued on or after it is collected as usual (art. L622-17 C. com.).
 */
@RecouvraTest
class InsolvencyStopTest {

    /** A Monday: messages dispatched on it are within contact hours. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);
    private static final LocalDate JUDGMENT = LocalDate.of(2026, 11, 13);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentPlans paymentPlans;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    AgencyTestAccess agencies;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    CreditBureau bureau;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    LocalDate today;

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "InsolvencyStopTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "InsolvencyStopTest");
    }

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        moveTo(START);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aReminderWaitStopsAndAClaimBornAfterTheJudgmentCarriesOn() {
        UUID customer = customer("STANDARD");
        // issued 21 October (due 20 November, less 30 days): before the judgment
        String frozen = invoice(customer, today.minusDays(3), "1000.00");
        ProcessInstance instance = run(frozen);
        // issued 17 November: after the judgment of 13 November
        String bornAfter = invoice(customer, today.plusDays(24), "600.00");
        ProcessInstance after = run(bornAfter);
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(messages(frozen)).contains("reminder-1 EMAIL REMINDER_1 PENDING");

        report(customer);

        assertThat(instance).isEnded().hasPassed("Task_StopForInsolvency", "EndEvent_StoppedByInsolvency");
        assertThat(messages(frozen)).as("what had not gone out yet is withdrawn").allMatch(line -> line.endsWith("CANCELLED"));
        assertStoppedAndNothingLost(customer, frozen, "1000.00", InvoiceStatus.OPEN);
        assertThat(after).as("a claim born after the judgment is collected as usual").isNotEnded();
        moveTo(today.plusDays(40));
        collection.runJobs(after);
        assertThat(messages(bornAfter)).contains("reminder-1 EMAIL REMINDER_1 PENDING");

        // provisions: the frozen claim (and the rest of the customer's book) is in the insolvency situation
        JsonNode report = api.asAdmin().getForObject("/api/v1/provisions/2026-11?customerId={id}", JsonNode.class, customer);
        assertThat(report.get("lines")).isNotEmpty().allSatisfy(line -> assertThat(line.get("situation").asText()).isEqualTo("INSOLVENT"));
    }

    @Test
    void aFormalNoticeNotSentYetIsWithdrawnWithItsInterestAndIndemnity() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = run(number);
        moveTo(today.plusDays(15));
        collection.runJobs(instance);
        moveTo(today.plusDays(15));
        collection.runJobs(instance);
        assertThat(instance).hasPassed("Task_SendFormalNotice").isWaitingAt("Timer_FormalNoticeDeadline");
        assertThat(messages(number)).contains("formal-notice EMAIL FORMAL_NOTICE PENDING", "formal-notice LETTER FORMAL_NOTICE PENDING");

        report(customer);

        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedByInsolvency");
        assertThat(messages(number)).contains("formal-notice EMAIL FORMAL_NOTICE CANCELLED", "formal-notice LETTER FORMAL_NOTICE CANCELLED");
        assertStoppedAndNothingLost(customer, number, "450.00", InvoiceStatus.OPEN);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).as("no deadline left to run").isZero();
    }

    @Test
    void aPromiseWaitStops() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        assertThat(instance).isWaitingAt("Event_CallOutcome");
        complete(callTask(customer), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(7).toString(),
                "promisedAmount", 2000));
        assertThat(instance).isWaitingAt("Timer_PromiseDue");

        report(customer);

        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedByInsolvency").hasNotPassed("Task_CheckPromise");
        assertStoppedAndNothingLost(customer, number, "2000.00", InvoiceStatus.OPEN);
    }

    @Test
    void aPaymentPlanStops() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), Map.of("callOutcome", "PAYMENT_PLAN_REQUESTED", "planInstalments", 2,
                "planFirstDate", today.plusDays(7).toString(), "planFrequency", "MONTHLY"));
        ProcessInstance plan = runtime.createProcessInstanceQuery().processDefinitionKey("PaymentPlan")
                .variableValueEquals("customerId", customer.toString()).singleResult();
        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));
        collection.runJobs(plan);
        assertThat(plan).isNotEnded();
        InvoiceStatus before = invoices.get(number).getStatus();

        report(customer);

        assertThat(plan).isEnded().hasPassed("Task_StopPlan", "EndEvent_PlanStopped");
        assertThat(jdbc.queryForObject("select status from recouvra.payment_plan where id = ?::uuid", String.class, plan.getBusinessKey()))
                .isEqualTo("STOPPED");
        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedByInsolvency");
        assertStoppedAndNothingLost(customer, number, "2000.00", before);
    }

    @Test
    void anAgencyCaseIsRecalledAndEnds() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = throughFormalNoticeDeadline(number);
        ProcessInstance escalation = collection.escalationOf(instance);
        assertThat(escalation).isWaitingAt("Task_AgencyHandoff");
        agencies.runJobs(number);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WITH_AGENCY);
        ProcessInstance handoff = agencies.handoffOf(number);

        report(customer);
        agencies.runJobs(number);

        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedByInsolvency");
        assertThat(escalation).isEnded();
        assertThat(handoff).isEnded().hasPassed("Task_CloseReportedCase");
        assertThat(agencies.outcomeOf(number)).isEqualTo("DEBTOR_INSOLVENT");
        assertThat(trail(customer)).anyMatch(line -> line.startsWith("ESCALATION: Case recalled from ") && line.contains("insolvency proceedings"));
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("450.00");
    }

    @Test
    void aFiledInjunctionIsWithdrawnByALegalOfficer() {
        UUID customer = customer("PUBLIC_SECTOR");
        String number = invoice(customer, today.minusDays(11), "12000.00");
        ProcessInstance instance = throughFormalNoticeDeadline(number);
        ProcessInstance escalation = collection.escalationOf(instance);
        Task approve = tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
        complete(approve, Map.of("escalationApproved", true, "escalationRoute", "LEGAL_INJUNCTION"));
        ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey("LegalInjunction")
                .processInstanceBusinessKey(number).singleResult();
        collection.runJobs(court);
        complete(courtTask(court, "Task_ReviewInjunction"), Map.of("reviewDecision", "APPROVE"));
        collection.runJobs(court);
        complete(courtTask(court, "Task_FileRequest"), Map.of("filedOn", today.toString(), "courtReference", "2026R00123"));
        collection.runJobs(court);
        assertThat(court).isNotEnded();

        report(customer);

        assertThat(instance).isEnded().hasPassed("EndEvent_StoppedByInsolvency");
        Task withdraw = courtTask(court, "Task_WithdrawCase");
        assertThat(withdraw).as("a legal officer tells the court the claim is withdrawn").isNotNull();
        assertThat(tasks.createTaskQuery().taskId(withdraw.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        complete(withdraw, Map.of("withdrawalNote", "désistement envoyé au greffe"));
        collection.runJobs(court);

        assertThat(court).isEnded().hasPassed("Task_CloseSettledCase");
        assertThat(trail(customer)).anyMatch(line -> line.contains("Legal case closed: insolvency proceedings (RECEIVERSHIP) opened by the judgment of 2026-11-13"));
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("12000.00");
    }

    // ---- helpers

    private void report(UUID customer) {
        proceedings.report(customer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, JUDGMENT, "Tribunal des activités économiques de Lyon",
                "SELARL MJ Rhône", "10 quai Perrache, 69002 Lyon", null, null, ReportedBy.PERSON, false));
    }

    private void assertStoppedAndNothingLost(UUID customer, String number, String owed, InvoiceStatus status) {
        assertThat(trail(customer)).anyMatch(line -> line.equals("INSOLVENCY: Collection stopped: insolvency proceedings (RECEIVERSHIP) "
                + "opened by the judgment of 2026-11-13: the claim is frozen and to be declared (art. L622-21, L622-7, L622-28 C. com.)"));
        assertThat(invoices.get(number).getOutstanding()).as("nothing booked is lost").isEqualByComparingTo(owed);
        assertThat(invoices.get(number).getStatus()).isEqualTo(status);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("InvoiceCollection").count())
                .isZero();
    }

    private ProcessInstance throughFormalNoticeDeadline(String number) {
        ProcessInstance instance = run(number);
        moveTo(today.plusDays(15));
        collection.runJobs(instance);
        moveTo(today.plusDays(15));
        collection.runJobs(instance);
        assertThat(instance).isWaitingAt("Timer_FormalNoticeDeadline");
        moveTo(today.plusDays(9));
        collection.runJobs(instance);
        return instance;
    }

    private UUID customer(String type) {
        return customers.register(new NewCustomer("Garage " + type + " " + TestData.invoiceNumber(),
                TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), type)).getId();
    }

    /** An invoice issued 30 days before its due date. */
    private String invoice(UUID customer, LocalDate dueDate, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        return number;
    }

    private ProcessInstance run(String number) {
        ProcessInstance instance = collection.instanceOf(number);
        collection.runJobs(instance);
        return instance;
    }

    private void moveTo(LocalDate day) {
        EngineClock.moveTo(day);
        today = day;
    }

    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), new HashMap<>(variables));
        for (String process : List.of("CollectorCall", "PaymentPlan")) {
            management.createJobQuery().processDefinitionKey(process).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
    }

    private Task callTask(UUID customer) {
        return tasks.createTaskQuery().processDefinitionKey("CollectorCall")
                .processVariableValueEquals("customerId", customer.toString()).taskDefinitionKey("Task_CallDebtor").singleResult();
    }

    private Task courtTask(ProcessInstance court, String key) {
        return tasks.createTaskQuery().processInstanceId(court.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select type || ': ' || summary from recouvra.interaction where customer_id = ? order by seq",
                String.class, customer);
    }

    private List<String> messages(String number) {
        return jdbc.queryForList("""
                select step || ' ' || channel || ' ' || kind || ' ' || status from recouvra.outbox_message
                where case_ref = ? order by created_at, step, channel""", String.class, number);
    }
}

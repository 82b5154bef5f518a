package io.recouvra.collection;

import static io.recouvra.support.EngineClock.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.agency.AgencyTestAccess;
import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.engine.MigrationReport;
import io.recouvra.engine.ProcessMigrations;
import io.recouvra.insurance.BuyerCovers;
import io.recouvra.insurance.CreditInsuranceClaimContract;
import io.recouvra.insurance.InsurancePolicies;
import io.recouvra.insurance.SandboxCreditInsurer;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.ModelDeployments;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * InvoiceCollection instances started on the last released model (commit 0440554, kept in
 * test resources) and brought to each of its wait states are migrated to the current model, and each carries
 * on there: its timer fires into the next step, its message correlates, its task completes.
 *
 * <p>The old model is deployed as a new version of InvoiceCollection, so that the invoices registered meanwhile
 * start on it as they did on the released application; the current model is then deployed again, as the next
 * release would, and stays the latest for the other tests of the shared context.
 */
@RecouvraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceCollectionUpgradeTest {

    /** A Monday: messages dispatched on it are within contact hours. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);
    private static final String RATES = "InvoiceCollectionUpgradeTest";
    /**
     * The waits of the escalation. Once it runs in a process of its own called by InvoiceCollection, a case migrated
     * from one of them re-enters that process there: where these tests look for a wait, a task or a variable of the
     * escalation, they look in that process when the case has one running ({@link #waitingFor}).
     */
    private static final List<String> ESCALATION_WAITS = List.of("Task_ApproveEscalation", "Task_ApproveWriteOff",
            "Task_AgencyHandoff", "Task_LegalInjunction", "Event_InsuranceClaimEnded", "Timer_ReassessEscalation");
    private static final String ESCALATION_PROCESS = "Escalation";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    Holds holds;
    @Autowired
    Disputes disputes;
    @Autowired
    PromisesMadeOnline online;
    @Autowired
    CreditBureau bureau;
    @Autowired
    EngineJobs jobs;
    @Autowired
    AgencyTestAccess agencies;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessMigrations migrations;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    BuyerCovers covers;
    @Autowired
    SandboxCreditInsurer insurer;
    @Autowired
    InvoiceCollectionUpgrade upgrade;
    @Autowired
    InsolvencyProceedingsService proceedings;

    /** The cases waiting on the old version before the upgrade, by the wait they are at. */
    private final Map<String, Case> waiting = new LinkedHashMap<>();
    private ProcessDefinition released;
    private ProcessDefinition current;
    private MigrationReport dryRun;
    private MigrationReport report;
    /** When the refused escalation was to be reassessed, as the released model set it. */
    private Date reassessmentDue;

    /** One invoice's collection: its instance, its customer, and the day it reached the wait it is at. */
    /** The key of a second case at Timer_NextLevel, which a promise made online interrupts after the migration. */
    private static final String PROMISED_ONLINE = "Timer_NextLevel, then promised online";
    /** The key of a third case at Timer_NextLevel, which insolvency proceedings stop after the migration. */
    private static final String INSOLVENT = "Timer_NextLevel, then insolvency proceedings";

    /**
     * What the released application started an instance with beyond what the current one does (issue 19 cut them
     * from the start: the current model reads them as absent = 0 / false / 0; the invoice's currency, customer name and
     * outstanding amounts, set beside these by {@link #startedAsReleased}, from the ledger). The released model reads
     * them as plain identifiers, so an instance started on it here gets them, as it did in production before the
     * upgrade.
     */
    private static final Map<String, Object> RELEASED_START_VARIABLES = Map.of(
            InvoiceCollectionContract.DUNNING_LEVEL, 0,
            InvoiceCollectionContract.RESUME_WITH_NEXT_LEVEL, false,
            EscalationContract.AGENCY_ATTEMPTS, 0,
            EscalationContract.LEGAL_ATTEMPTS, 0);

    record Case(String number, UUID customer, ProcessInstance instance, LocalDate since) {
    }

    @BeforeAll
    void casesWaitOnTheReleasedModelThenTheCurrentOneIsDeployedAndTheyAreMigrated() {
        BpmnAwareTests.init(engine);
        TestRates.add(jdbc, RATES, "2026-07-01", "2027-01-01", "2027-07-01");
        try {
            released = deploy("InvoiceCollection at 0440554 (InvoiceCollectionUpgradeTest)", "legacy/invoice-collection-0440554.bpmn");
            bringCasesToTheirWaits();
        } finally {
            current = deploy("InvoiceCollection, current again (InvoiceCollectionUpgradeTest)", "processes/invoice-collection.bpmn");
            ClockUtil.reset();
        }
        waiting.values().forEach(c -> assertThat(definitionOf(c)).as(c.number()).isEqualTo(released.getId()));
        dryRun = migrations.migrateToLatest(upgrade, true);
        waiting.values().forEach(c -> assertThat(definitionOf(c)).as("a dry run changes nothing").isEqualTo(released.getId()));
        report = migrations.migrateToLatest(upgrade, false);
        waiting.values().forEach(c -> assertThat(definitionOf(c)).as(c.number()).isEqualTo(current.getId()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void removeTestRatesAndThePolicy() {
        TestRates.remove(jdbc, RATES);
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
    }

    private void bringCasesToTheirWaits() {
        // before the due date
        atWait("Timer_PreDueReminder", "STANDARD", START.plusDays(10), "1200.00", c -> c);

        // dunning
        atWait("Timer_NextLevel", "STANDARD", START.minusDays(1), "1200.00", c -> c);
        atWait(PROMISED_ONLINE, "Timer_NextLevel", "STANDARD", START.minusDays(1), "1200.00", c -> c);
        atWait(INSOLVENT, "Timer_NextLevel", "STANDARD", START.minusDays(1), "1200.00", c -> c);
        atWait("Event_CallOutcome", "KEY_ACCOUNT", START.minusDays(6), "2000.00", c -> c);
        atWait("Timer_PromiseDue", "KEY_ACCOUNT", START.minusDays(6), "2000.00", c -> {
            complete(callTask(c), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", START.plusDays(7).toString(),
                    "promisedAmount", 2000));
            return c;
        });
        atWait("Timer_FormalNoticeDue", "STANDARD", START.minusDays(1), "450.00", c -> later(c, 15));
        atWait("Timer_FormalNoticeDeadline", "STANDARD", START.minusDays(1), "450.00", c -> later(later(c, 15), 15));

        // interruptions
        atWait("Event_HoldReleasedNoEnd", "STANDARD", START.minusDays(1), "1200.00", c -> {
            holds.place(c.number(), "customer's accountant on leave", null, "admin");
            return c;
        });
        atWait("Gateway_HoldEvents", "STANDARD", START.minusDays(1), "1200.00", c -> {
            holds.place(c.number(), "negotiating", START.plusDays(14), "admin");
            return c;
        });
        atWait("CallActivity_DisputeMediation", "STANDARD", START.minusDays(1), "1200.00", c -> {
            disputes.raise(c.number(), "QUANTITY", "two pallets short", "API");
            return c;
        });
        atWait("Event_PlanEnded", "KEY_ACCOUNT", START.minusDays(6), "2000.00", c -> {
            complete(callTask(c), Map.of("callOutcome", "PAYMENT_PLAN_REQUESTED", "planInstalments", 4,
                    "planFirstDate", START.plusDays(7).toString(), "planFrequency", "MONTHLY", "planDownPayment", "200"));
            return c;
        });

        // escalation
        atWait("Task_ApproveEscalation", "PUBLIC_SECTOR", START.minusDays(11), "12000.00", this::pastTheFormalNotice);
        atWait("Task_LegalInjunction", "PUBLIC_SECTOR", START.minusDays(11), "12000.00", c -> {
            Case escalated = pastTheFormalNotice(c);
            complete(task(escalated.instance()), Map.of("escalationApproved", true, "escalationRoute", "LEGAL_INJUNCTION"));
            return escalated;
        });
        atWait("Timer_ReassessEscalation", "PUBLIC_SECTOR", START.minusDays(11), "12000.00", c -> {
            Case escalated = pastTheFormalNotice(c);
            complete(task(escalated.instance()), Map.of("escalationApproved", false, "approvalNote", "the mayor promised to pay"));
            return escalated;
        });
        atWait("Task_AgencyHandoff", "STANDARD", START.minusDays(1), "450.00", c -> {
            Case escalated = pastTheFormalNotice(c);
            agencies.runJobs(escalated.number());
            return escalated;
        });
        atWait("Task_ApproveWriteOff", "STANDARD", START.minusDays(1), "450.00", c -> {
            Case escalated = pastTheFormalNotice(c);
            agencies.runJobs(escalated.number());
            agencies.report(escalated.number(), "UNRECOVERABLE", null);
            agencies.runJobs(escalated.number());
            jobs.runDue(escalated.instance());
            return escalated;
        });
        reassessmentDue = timer(waiting.get("Timer_ReassessEscalation")).getDuedate();

        // last, since an active policy insures the invoices of the buyers it covers
        declaredToTheInsurerDuringDunning();
    }

    /** As CreditInsuranceClaimProcessTest: declared on its declaration day, 11 days after it fell due; the insurer recovers it. */
    private void declaredToTheInsurerDuringDunning() {
        insurer.reset();
        moveTo(START.minusDays(40));
        policies.set(new InsurancePolicies.Terms("Allianz Trade", "POL-UPGRADE-1", "EUR", new BigDecimal("90"), BigDecimal.ZERO,
                BigDecimal.ZERO, 120, "DUE_DATE", "P15D", "P0D", "P30D", BigDecimal.ZERO, 2));
        UUID buyer = customers.register(TestData.debtor("Menuiserie", TestData.wellRatedSiren(bureau), "FR")).getId();
        covers.requestLimit(buyer, new BigDecimal("50000"));
        moveTo(START.minusDays(38));
        assertThat(covers.sync(buyer)).isPresent();
        moveTo(START);
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, buyer, null, START.minusDays(30), START, new BigDecimal("10000.00"), "EUR"));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
        startedAsReleased(instance, number);
        jobs.runDue(instance);
        LocalDate declarationDay = START.plusDays(11);
        moveTo(declarationDay);
        jobs.runDueKeepingFailures(claimOf(number));
        assertThat(instance).as("on the released model").hasPassed("Boundary_InsurerTookOver").isWaitingAt("Event_InsuranceClaimEnded");
        waiting.put("Event_InsuranceClaimEnded", new Case(number, buyer, instance, declarationDay));
    }

    // ---- the upgrade

    @Test
    void everyWaitingCaseIsMigratedAndNoneIsLeft() {
        MigrationReport.SourceVersion fromReleased = versionOf(report, released);
        assertThat(fromReleased.migrated()).isEqualTo(waiting.size());
        assertThat(fromReleased.left()).isEmpty();
        assertThat(fromReleased.reEntered()).as("the escalation waits the current model has in a called process instead")
                .isEqualTo(ESCALATION_WAITS.stream().filter(wait -> !currentModelHas(wait)).count());
        assertThat(report.latestVersion()).isEqualTo(current.getVersion());
    }

    @Test
    void theDryRunReportedWhatTheMigrationThenDid() {
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(versionOf(dryRun, released)).isEqualTo(versionOf(report, released));
    }

    @Test
    void runningItAgainFindsNothingLeftOnTheReleasedVersion() {
        MigrationReport again = migrations.migrateToLatest(upgrade, false);

        assertThat(again.versions()).noneMatch(version -> version.version() == released.getVersion());
    }

    // ---- each case carries on on the current model

    @Test
    void thePreDueReminderGoesOutOnItsDay() {
        Case c = carryOn("Timer_PreDueReminder", 7);

        assertThat(c.instance()).hasPassed("Task_SendPreDueReminder").isWaitingAt("Timer_InvoiceOverdue");
    }

    @Test
    void theNextLevelIsSentAfterTheDaysBetweenLevelsAndAPaymentEndsTheCase() {
        Case c = carryOn("Timer_NextLevel", 10);

        assertThat(runtime.getVariable(c.instance().getId(), "dunningLevel")).isEqualTo(2);
        assertThat(c.instance()).as("a standard customer is called after the second level").isWaitingAt("Event_CallOutcome");

        payments.register(new NewPayment(c.customer(), new BigDecimal("1200.00"), "EUR", c.since().plusDays(10), "VIR-" + c.number(),
                List.of(new NewPayment.Allocation(c.number(), new BigDecimal("1200.00")))));

        assertThat(c.instance()).as("the payment's message reaches the event sub-process").isEnded().hasPassed("EndEvent_InvoicePaid");
    }

    @Test
    void theCallOutcomeCorrelatesAndAPromiseIsWatched() {
        Case c = carryOn("Event_CallOutcome", 0);

        complete(callTask(c), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", c.since().plusDays(7).toString(),
                "promisedAmount", 2000));

        assertThat(c.instance()).hasPassed("Event_CallOutcome").isWaitingAt("Timer_PromiseDue");
    }

    @Test
    void aBrokenPromiseIsCheckedAndDunningGoesOn() {
        Case c = carryOn("Timer_PromiseDue", 11);

        assertThat(c.instance()).hasPassed("Task_CheckPromise").isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForObject("select status from recouvra.promise_to_pay where customer_id = ?", String.class, c.customer()))
                .isEqualTo("BROKEN");
    }

    @Test
    void aCaseMigratedDuringDunningHearsAPromiseMadeOnline() {
        Case c = waiting.get(PROMISED_ONLINE);
        assertThat(definitionOf(c)).isEqualTo(current.getId());
        moveTo(c.since());

        online.promise(c.customer(), List.of(c.number()), c.since().plusDays(7), new BigDecimal("1200.00"));

        assertThat(c.instance()).as("the new boundary event was created for the migrated instance")
                .isWaitingAt("Timer_OnlinePromiseDue");
    }

    @Test
    void insolvencyProceedingsStopAMigratedCase() {
        Case c = waiting.get(INSOLVENT);
        assertThat(definitionOf(c)).isEqualTo(current.getId());
        moveTo(c.since());

        // the invoice was issued 31 days before START, the judgment is of START
        proceedings.report(c.customer(), new ProceedingsReport(ProceedingsKind.SAFEGUARD, START, "TAE Lyon", "Me Dupont",
                "1 place Bellecour, 69002 Lyon", null, null, ReportedBy.PERSON, false));

        assertThat(c.instance()).as("the new event sub-process got its subscription at the migration")
                .isEnded().hasPassed("EndEvent_StoppedByInsolvency");
    }

    @Test
    void theFormalNoticeGoesOutWithItsEightDaysToPay() {
        Case c = carryOn("Timer_FormalNoticeDue", 15);

        assertThat(c.instance()).hasPassed("Task_SendFormalNotice").isWaitingAt("Timer_FormalNoticeDeadline");
        LocalDate sent = c.since().plusDays(15);
        assertThat(timer(c).getDuedate()).as("eight days to pay").isAfterOrEqualTo(startOf(sent.plusDays(8)))
                .isBeforeOrEqualTo(startOf(sent.plusDays(9)));
    }

    @Test
    void anUnpaidFormalNoticeIsEscalated() {
        Case c = carryOn("Timer_FormalNoticeDeadline", 9);

        assertThat(escalationVariable(c, "escalationRoute")).isEqualTo("AGENCY");
        assertThat(passed(c, "Task_GatherEscalationFacts")).isTrue();
        assertThat(waitingFor(c)).isWaitingAt("Task_AgencyHandoff");
        assertThat(runtime.getVariables(waitingFor(c).getId())).as("called by the current model: the ledger's")
                .containsEntry("customerName", customers.get(c.customer()).getLegalName())
                .containsEntry("outstandingAmount", "450.00").containsEntry("outstandingDisplay", "450,00 €");
    }

    @Test
    void aHoldWithoutEndIsReleased() {
        Case c = carryOn("Event_HoldReleasedNoEnd", 0);

        holds.release(c.number(), "admin");

        assertThat(c.instance()).isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(c.number()).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aHoldEndsOnItsEndDate() {
        Case c = carryOn("Gateway_HoldEvents", 14);

        assertThat(c.instance()).hasPassed("Timer_HoldEnds").isWaitingAt("Timer_NextLevel");
        assertThat(holds.active(c.number())).isEmpty();
    }

    @Test
    void aDisputeDecidedInItsMediationResumesDunning() {
        Case c = carryOn("CallActivity_DisputeMediation", 0);
        ProcessInstance mediation = runtime.createProcessInstanceQuery().superProcessInstanceId(c.instance().getId()).singleResult();

        complete(task(mediation), Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 500,
                "rootCause", "DELIVERY_PROBLEM", "explanation", "two pallets credited"));

        assertThat(c.instance()).hasPassed("CallActivity_DisputeMediation", "Task_ResumeCollection").isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(c.number()).getOutstanding()).isEqualByComparingTo("700.00");
        // 1 200,00 - 500,00 credited
        assertThat(runtime.getVariables(c.instance().getId())).as("the copies it was started with, kept up to date")
                .containsEntry("outstandingAmount", "700.00").containsEntry("outstandingDisplay", "700,00 €");
    }

    @Test
    void aPlanNotAcceptedEndsAndDunningResumes() {
        Case c = carryOn("Event_PlanEnded", 7);
        ProcessInstance plan = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanContract.PROCESS_KEY)
                .variableValueEquals("customerId", c.customer().toString()).singleResult();

        jobs.runDue(plan);

        assertThat(plan).isEnded().hasPassed("EndEvent_NotAccepted");
        assertThat(c.instance()).hasPassed("Event_PlanEnded").isWaitingAt("Timer_NextLevel");
    }

    @Test
    void theManagerApprovesTheEscalationAndTheCourtCaseOpens() {
        Case c = carryOn("Task_ApproveEscalation", 0);

        Task approval = task(waitingFor(c));
        String name = customers.get(c.customer()).getLegalName();
        assertThat(approval.getName()).as("re-entered in the Escalation the current model calls, with the ledger's name and amount")
                .isEqualTo("Approuver l'escalade : " + name + ", " + c.number() + " (12 000,00 €)");
        complete(approval, Map.of("escalationApproved", true, "escalationRoute", "LEGAL_INJUNCTION"));

        assertThat(waitingFor(c)).isWaitingAt("Task_LegalInjunction");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("LegalInjunction").processInstanceBusinessKey(c.number())
                .count()).isOne();
    }

    @Test
    void theCourtCaseSentBackReturnsTheInvoiceToAnotherRoute() {
        Case c = carryOn("Task_LegalInjunction", 0);
        ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey("LegalInjunction")
                .processInstanceBusinessKey(c.number()).singleResult();
        jobs.runDue(court);

        complete(task(court), Map.of("reviewDecision", "SEND_BACK", "reviewNote", "ask the accounting officer first"));
        jobs.runDue(court);

        assertThat(passed(c, "Task_LegalInjunction")).isTrue();
        assertThat(escalationVariable(c, "escalationOutcome")).isEqualTo("RETURNED");
        assertThat(((Number) escalationVariable(c, "legalAttempts")).intValue()).isEqualTo(1);
    }

    @Test
    void aRefusedEscalationKeepsItsReassessmentDayAndIsReassessedThen() {
        Case c = carryOn("Timer_ReassessEscalation", 0);
        assertThat(timer(c).getDuedate()).as("the day it was given").isEqualTo(reassessmentDue);

        moveTo(c.since().plusDays(30));
        jobs.runDue(c.instance());

        assertThat(passed(c, "Timer_ReassessEscalation")).isTrue();
        assertThat(task(waitingFor(c)).getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
    }

    @Test
    void theAgencyReturnsTheCaseUnpaidAndAWriteOffIsProposed() {
        Case c = carryOn("Task_AgencyHandoff", 0);

        agencies.report(c.number(), "UNRECOVERABLE", null);
        agencies.runJobs(c.number());
        jobs.runDue(c.instance());

        assertThat(passed(c, "Task_AgencyHandoff")).isTrue();
        assertThat(((Number) escalationVariable(c, "agencyAttempts")).intValue()).isEqualTo(1);
        assertThat(task(waitingFor(c)).getTaskDefinitionKey()).isEqualTo("Task_ApproveWriteOff");
    }

    @Test
    void theWriteOffIsApprovedAndTheInvoiceWrittenOff() {
        Case c = carryOn("Task_ApproveWriteOff", 0);

        complete(task(waitingFor(c)), Map.of("writeOffApproved", true, "writeOffReason", "UNRECOVERABLE", "writeOffNote", "not worth court"));

        assertThat(c.instance()).isEnded();
        assertThat(passed(c, "EndEvent_WrittenOff")).isTrue();
        assertThat(invoices.get(c.number()).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
    }

    @Test
    void theInsurersClaimEndsAndWhatItDidNotPayGoesOnAlongAnotherRoute() {
        Case c = carryOn("Event_InsuranceClaimEnded", 30);
        ProcessInstance claim = claimOf(c.number());
        jobs.runDueKeepingFailures(claim);
        moveTo(c.since().plusDays(30 + 35));
        jobs.runDueKeepingFailures(claim);

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimClosed");
        assertThat(passed(c, "Event_InsuranceClaimEnded")).isTrue();
        assertThat(management.createJobQuery().processInstanceId(waitingFor(c).getId()).activityId("Task_GatherEscalationFacts").count())
                .as("the escalation starts again, its facts gathered anew").isOne();
    }

    // ---- helpers

    private ProcessInstance claimOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CreditInsuranceClaimContract.PROCESS_KEY).processInstanceBusinessKey(number)
                .singleResult();
    }

    /** The case waiting at that element, on the current version now; the clock that many days after it got there. */
    private Case carryOn(String waitId, int daysLater) {
        Case c = waiting.get(waitId);
        assertThat(definitionOf(c)).isEqualTo(current.getId());
        assertThat(waitingFor(c)).isWaitingAt(waitId);
        moveTo(c.since().plusDays(daysLater));
        if (daysLater > 0) {
            jobs.runDue(c.instance());
        }
        return c;
    }

    /** A new invoice of a new customer, brought on the released model to the wait by {@code toTheWait}. */
    private void atWait(String waitId, String customerType, LocalDate dueDate, String amount, Function<Case, Case> toTheWait) {
        atWait(waitId, waitId, customerType, dueDate, amount, toTheWait);
    }

    /** As above, kept under {@code key}: a second case at the same wait, for another test. */
    private void atWait(String key, String waitId, String customerType, LocalDate dueDate, String amount,
                        Function<Case, Case> toTheWait) {
        moveTo(START);
        UUID customer = customers.register(new NewCustomer("Garage " + customerType + " " + TestData.invoiceNumber(),
                TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), customerType)).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
        startedAsReleased(instance, number);
        jobs.runDue(instance);
        Case atTheWait = toTheWait.apply(new Case(number, customer, instance, START));
        assertThat(atTheWait.instance()).as("on the released model").isWaitingAt(waitId);
        waiting.put(key, atTheWait);
    }

    /** Gives an instance just started what the released application started it with (its invoice's, from the ledger). */
    private void startedAsReleased(ProcessInstance instance, String number) {
        var invoice = invoices.get(number);
        Map<String, Object> variables = new HashMap<>(RELEASED_START_VARIABLES);
        variables.put(InvoiceCollectionContract.CURRENCY, invoice.getCurrency());
        variables.put(InvoiceCollectionContract.CUSTOMER_NAME, invoice.getCustomer().getLegalName());
        variables.put(InvoiceCollectionContract.OUTSTANDING_AMOUNT, invoice.getOutstanding().toPlainString());
        variables.put(InvoiceCollectionContract.OUTSTANDING_DISPLAY, AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency()));
        runtime.setVariables(instance.getId(), variables);
    }

    /** The case that many days later, its due jobs run. */
    private Case later(Case c, int days) {
        LocalDate day = c.since().plusDays(days);
        moveTo(day);
        jobs.runDue(c.instance());
        return new Case(c.number(), c.customer(), c.instance(), day);
    }

    /** Through both levels of a small or public invoice, the formal notice and its deadline: escalated. */
    private Case pastTheFormalNotice(Case c) {
        Case noticeSent = later(later(c, 15), 15);
        assertThat(noticeSent.instance()).isWaitingAt("Timer_FormalNoticeDeadline");
        return later(noticeSent, 9);
    }

    private ProcessDefinition deploy(String name, String model) {
        return ModelDeployments.deployWithForms(repository, name, model);
    }

    private String definitionOf(Case c) {
        return runtime.createProcessInstanceQuery().processInstanceId(c.instance().getId()).singleResult().getProcessDefinitionId();
    }

    private static MigrationReport.SourceVersion versionOf(MigrationReport report, ProcessDefinition definition) {
        return report.versions().stream().filter(version -> version.version() == definition.getVersion()).findFirst().orElseThrow();
    }

    private void moveTo(LocalDate day) {
        EngineClock.moveTo(day);
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Task callTask(Case c) {
        return tasks.createTaskQuery().processDefinitionKey(CollectorCallContract.PROCESS_KEY)
                .processVariableValueEquals("customerId", c.customer().toString()).taskDefinitionKey("Task_CallDebtor").singleResult();
    }

    /**
     * Completes the task as Tasklist would, then runs what it made due in its process (a call tells its invoices
     * asynchronously) and in the plan it may have started for its customer; other cases' jobs wait for their tests.
     */
    private void complete(Task task, Map<String, Object> variables) {
        String processInstanceId = task.getProcessInstanceId();
        Object customer = tasks.getVariable(task.getId(), "customerId");
        tasks.complete(task.getId(), new HashMap<>(variables));
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (process != null) {
            jobs.runDue(process);
        }
        if (customer != null) {
            runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanContract.PROCESS_KEY)
                    .variableValueEquals("customerId", customer.toString()).list().forEach(jobs::runDue);
        }
    }

    private org.camunda.bpm.engine.runtime.Job timer(Case c) {
        return management.createJobQuery().processInstanceId(waitingFor(c).getId()).timers().singleResult();
    }

    /** The case's instance, or the Escalation it called, while that runs. */
    private ProcessInstance waitingFor(Case c) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(c.instance().getId()).processDefinitionKey(ESCALATION_PROCESS)
                .list().stream().findFirst().orElse(c.instance());
    }

    /**
     * A variable of the case's escalation: the running Escalation's, where it has it, else InvoiceCollection's own
     * (the flat model's, or what an Escalation that ended returned).
     */
    private Object escalationVariable(Case c, String name) {
        Object called = waitingFor(c) == c.instance() ? null : runtime.getVariable(waitingFor(c).getId(), name);
        return called != null ? called : runtime.getVariable(c.instance().getId(), name);
    }

    /** Whether the case's instance, or a process it called, went through that element. */
    private boolean passed(Case c, String elementId) {
        List<String> instances = new ArrayList<>(List.of(c.instance().getId()));
        history.createHistoricProcessInstanceQuery().superProcessInstanceId(c.instance().getId()).list()
                .forEach(called -> instances.add(called.getId()));
        return history.createHistoricActivityInstanceQuery().activityId(elementId).finished().list().stream()
                .anyMatch(passage -> instances.contains(passage.getProcessInstanceId()));
    }

    private boolean currentModelHas(String elementId) {
        return repository.getBpmnModelInstance(current.getId()).getModelElementById(elementId) != null;
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.agency.AgencyCaseEnded;
import io.recouvra.agency.AgencyCases;
import io.recouvra.agency.AgencyTestAccess;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.legal.CourtCaseEnded;
import io.recouvra.legal.LegalCases;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Escalation on the real engine: the agency and court cases opened by visible steps, each wait
 * re-entered through escalationResumeAt (as InvoiceCollection and the migration from the flat model
 * start it), and the outcome InvoiceCollection gets back through its output mapping. The routes
 * EscalationRoute chooses are driven from InvoiceCollection in InvoiceCollectionProcessTest.
 */
@RecouvraTest
class EscalationProcessTest {

    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

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
    CreditBureau bureau;
    @Autowired
    AgencyCases agencyCases;
    @Autowired
    AgencyTestAccess agencies;
    @Autowired
    InsuranceClaims insuranceClaims;
    @Autowired
    LegalCases legalCases;
    @Autowired
    CollectionTestAccess collection;

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "EscalationProcessTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "EscalationProcessTest");
    }

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        EngineClock.moveTo(START);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- the cases are opened by visible steps

    @Test
    void theAgencyRouteOpensTheAgencyCaseThenWaitsForItsEnd() {
        String number = overdueInvoice("450.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_APPROVAL, "AGENCY");
        assertThat(escalation).isWaitingAt("Task_ApproveEscalation").hasNotPassed("Task_GatherEscalationFacts");

        approve(escalation, "AGENCY");

        assertThat(escalation).hasPassed("Task_OpenAgencyCase").isWaitingAt("Task_AgencyHandoff");
        assertThat(agencies.handoffOf(number)).as("the agency case the step opened").isNotNull();
        agencyCases.handBack(number, AgencyCaseEnded.Outcome.CLOSED);
        assertThat(escalation).isEnded().hasPassed("EndEvent_EscalationClosed");
        assertThat(((Number) collection.lastValue(escalation, EscalationContract.AGENCY_ATTEMPTS)).intValue()).isEqualTo(1);
    }

    @Test
    void theCourtRouteOpensTheCourtCaseThenWaitsForItsEnd() {
        String number = overdueInvoice("12000.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_APPROVAL, "LEGAL_INJUNCTION");

        approve(escalation, "LEGAL_INJUNCTION");

        assertThat(escalation).hasPassed("Task_OpenCourtCase").isWaitingAt("Task_LegalInjunction");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.IN_COURT);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("LegalInjunction").processInstanceBusinessKey(number)
                .count()).as("the court case the step opened").isOne();
    }

    // ---- each wait can be re-entered

    @Test
    void resumedAtTheAgencysOutcomeItOpensNoSecondCase() {
        String number = overdueInvoice("450.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_AGENCY_OUTCOME, "AGENCY");

        assertThat(escalation).isWaitingAt("Task_AgencyHandoff").hasNotPassed("Task_OpenAgencyCase", "Task_GatherEscalationFacts");
        assertThat(agencies.handoffOf(number)).isNull();
        agencyCases.handBack(number, AgencyCaseEnded.Outcome.RETURNED);
        assertThat(escalation).isEnded().hasPassed("EndEvent_Returned");
        assertThat(collection.lastValue(escalation, EscalationContract.OUTCOME)).isEqualTo("RETURNED");
    }

    @Test
    void resumedAtTheCourtsOutcomeItOpensNoSecondCase() {
        String number = overdueInvoice("12000.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_COURT_OUTCOME, "LEGAL_INJUNCTION");

        assertThat(escalation).isWaitingAt("Task_LegalInjunction").hasNotPassed("Task_OpenCourtCase");
        // the court case ends (legal announces CourtCaseEnded; collection tells the Escalation)
        legalCases.end(legalCases.caseOf(number), CourtCaseEnded.Outcome.CLOSED, "paid in court");
        assertThat(escalation).isEnded().hasPassed("EndEvent_EscalationClosed");
        assertThat(((Number) collection.lastValue(escalation, EscalationContract.LEGAL_ATTEMPTS)).intValue()).isEqualTo(1);
    }

    @Test
    void resumedAtTheInsurersOutcomeItAsksTheInsurerNothing() {
        String number = overdueInvoice("450.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_INSURER_OUTCOME, null);

        assertThat(escalation).isWaitingAt("Event_InsuranceClaimEnded").hasNotPassed("Task_AskInsurer");
        insuranceClaims.tellInvoice(number);
        assertThat(escalation).isEnded().hasPassed("EndEvent_Returned");
        assertThat(collection.lastValue(escalation, EscalationContract.INSURED)).isEqualTo(false);
    }

    @Test
    void resumedAtTheWriteOffApprovalAManagerDecidesAgain() {
        String number = overdueInvoice("450.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_WRITE_OFF_APPROVAL, "WRITE_OFF_PROPOSAL");

        Task approve = task(escalation);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveWriteOff");
        assertThat(approve.getName()).contains(number, "450,00 €");
        tasks.complete(approve.getId(), Map.of("writeOffApproved", false));
        assertThat(escalation).isWaitingAt("Timer_ReassessEscalation");
    }

    @Test
    void resumedAtTheReassessmentItWaitsTheDaysThenEndsForAnotherPass() {
        String number = overdueInvoice("450.00");
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_REASSESSMENT, "AGENCY");

        assertThat(escalation).isWaitingAt("Timer_ReassessEscalation").hasNotPassed("Task_ApproveEscalation");
        Job timer = management.createJobQuery().processInstanceId(escalation.getId()).singleResult();
        assertThat(timer.getDuedate()).as("30 days, as the model says when the route's table said nothing")
                .isEqualTo(Date.from(START.plusDays(30).atTime(10, 0).atZone(EngineClock.PARIS).toInstant()));
        EngineClock.moveTo(START.plusDays(30));
        collection.runJobs(escalation);
        assertThat(escalation).isEnded().hasPassed("EndEvent_Reassess");
        assertThat(collection.lastValue(escalation, EscalationContract.OUTCOME)).isNull();
    }

    // ---- the outcome goes back to InvoiceCollection by output mapping

    @Test
    void aClosedCaseEndsTheInvoicesCollection() {
        String number = overdueInvoice("450.00");
        ProcessInstance invoiceCase = collection.instanceOf(number);
        collection.runJobs(invoiceCase);
        for (int days : new int[] {15, 30, 39}) {
            EngineClock.moveTo(START.plusDays(days));
            collection.runJobs(invoiceCase);
        }
        assertThat(invoiceCase).isWaitingAt("CallActivity_Escalation");
        ProcessInstance escalation = collection.escalationOf(invoiceCase);
        assertThat(escalation).as("a standard 450 EUR invoice goes to an agency").isWaitingAt("Task_AgencyHandoff");

        agencyCases.handBack(number, AgencyCaseEnded.Outcome.CLOSED);

        assertThat(escalation).isEnded().hasPassed("EndEvent_EscalationClosed");
        assertThat(invoiceCase).isEnded().hasPassed("EndEvent_ClosedByEscalation");
        assertThat(collection.lastValue(invoiceCase, EscalationContract.OUTCOME)).isEqualTo("CLOSED");
        assertThat(((Number) collection.lastValue(invoiceCase, EscalationContract.AGENCY_ATTEMPTS)).intValue()).isEqualTo(1);
        assertThat(collection.lastValue(invoiceCase, EscalationContract.RESUME_AT)).isNull();
    }

    /** Escalation started as InvoiceCollection's call activity starts it, re-entering a wait. */
    private ProcessInstance resumedAt(String number, String resumeAt, String route) {
        var invoice = invoices.get(number);
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvoiceCollectionContract.INVOICE_NUMBER, number);
        variables.put(InvoiceCollectionContract.INVOICE_ID, invoice.getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_ID, invoice.getCustomer().getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_NAME, invoice.getCustomer().getLegalName());
        variables.put(InvoiceCollectionContract.OUTSTANDING_DISPLAY, invoice.getOutstanding().toPlainString().replace('.', ',') + " €");
        variables.put(EscalationContract.AGENCY_ATTEMPTS, 0);
        variables.put(EscalationContract.LEGAL_ATTEMPTS, 0);
        variables.put(EscalationContract.RESUME_AT, resumeAt);
        variables.put(EscalationContract.ROUTE, route);
        variables.put(EscalationContract.REASON, "chosen before the upgrade");
        variables.put(EscalationContract.DECISION, null);
        ProcessInstance escalation = runtime.startProcessInstanceByKey(EscalationContract.PROCESS_KEY, number, variables);
        collection.runJobs(escalation);
        return escalation;
    }

    private void approve(ProcessInstance escalation, String route) {
        Task approval = task(escalation);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup(RecouvraGroups.MANAGERS).count()).isOne();
        tasks.complete(approval.getId(), Map.of(EscalationContract.APPROVED, true, EscalationContract.ROUTE, route));
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** An invoice a day overdue, of a standard, well-rated customer. */
    private String overdueInvoice(String amount) {
        UUID customer = customers.register(new NewCustomer("Garage " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau), "FR",
                "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "STANDARD")).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, START.minusDays(31), START.minusDays(1), new BigDecimal(amount), "EUR"));
        return number;
    }
}

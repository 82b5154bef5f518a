package io.recouvra.insurance;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.insurance.InsuredInvoices.InsuredInvoice;
import io.recouvra.insurance.InsuredInvoices.Status;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CreditInsuranceClaim on every path, with InvoiceCollection around it, the sandbox insurer and time
 * moved by the engine clock. The policy: overdues declared within 15 days of the due date, 2 days of
 * safety margin, claims 30 days after the declaration, 90 % of a named buyer's losses.
 * Invoices fall due on Monday 23 November 2026: deadline Tuesday 8 December, declared on Friday 4
 * December (the 6th, two days before, is a Sunday).
 */
@RecouvraTest
class CreditInsuranceClaimProcessTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate DUE = LocalDate.of(2026, 11, 23);
    private static final LocalDate DECLARATION_DAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 8);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    EngineJobs engineJobs;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    BuyerCovers covers;
    @Autowired
    InsuredInvoices insured;
    @Autowired
    InsuranceClaims claims;
    @Autowired
    SandboxCreditInsurer insurer;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aPolicyAndASandboxInsurer() {
        BpmnAwareTests.init(engine);
        insurer.reset();
        moveTo(DUE.minusDays(40));
        policies.set(new InsurancePolicies.Terms("Allianz Trade", "POL-TEST-1", "EUR", new BigDecimal("90"), BigDecimal.ZERO,
                BigDecimal.ZERO, 120, "DUE_DATE", "P15D", "P0D", "P30D", BigDecimal.ZERO, 2));
    }

    @AfterEach
    void noPolicyForTheOtherTests() {
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
        ClockUtil.reset();
    }

    @Test
    void declaredOnItsDayDuringDunningThenClaimedAndIndemnified() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "10000.00");
        ProcessInstance claim = claimOf(number);
        ProcessInstance invoiceCase = collection.instanceOf(number);
        assertThat(claim).as("watching for its declaration day").isWaitingAt("Gateway_Watch");
        assertThat(insured.require(number).declarationDeadline()).isEqualTo(DEADLINE);
        assertThat(insured.require(number).declareBy()).isEqualTo(DECLARATION_DAY);
        moveTo(DUE.plusDays(2));
        collection.runJobs(invoiceCase);
        assertThat(invoiceCase).as("dunning meanwhile").hasPassed("Task_SendReminder");

        moveTo(DECLARATION_DAY);
        runJobs(claim);

        InsuredInvoice declared = insured.require(number);
        assertThat(declared.status()).isEqualTo(Status.DECLARED);
        assertThat(declared.declaredLate()).isFalse();
        assertThat(declared.declarationReference()).isEqualTo("SBX-D-" + number);
        assertThat(claim).hasPassed("Task_DeclareOverdue", "Task_HandOver").hasNotPassed("Task_ReviewLateDeclaration")
                .isWaitingAt("Timer_WaitingPeriod");
        assertThat(invoiceCase).as("dunning stops").hasPassed("Boundary_InsurerTookOver").isWaitingAt("CallActivity_Escalation");
        ProcessInstance escalation = collection.escalationOf(invoiceCase);
        assertThat(escalation).as("the escalation starts at the insurer's wait").hasNotPassed("Task_GatherEscalationFacts")
                .isWaitingAt("Event_InsuranceClaimEnded");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WITH_INSURER);

        moveTo(DECLARATION_DAY.plusDays(30));
        runJobs(claim);
        assertThat(insured.require(number).status()).isEqualTo(Status.CLAIMED);
        assertThat(insured.require(number).claimedAmount()).as("90 %% of 10,000").isEqualByComparingTo("9000.00");
        moveTo(DECLARATION_DAY.plusDays(30 + 28));
        runJobs(claim);
        assertThat(claim).as("asked weekly, still pending").isWaitingAt("Timer_AskDecision");
        moveTo(DECLARATION_DAY.plusDays(30 + 35));
        runJobs(claim);

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimClosed");
        assertThat(insured.require(number).status()).isEqualTo(Status.INDEMNIFIED);
        assertThat(insured.require(number).indemnity()).isEqualByComparingTo("9000.00");
        assertThat(escalation).as("the rest goes on along another route").isEnded().hasPassed("Event_InsuranceClaimEnded");
        assertThat(collection.lastValue(escalation, "insured")).isEqualTo(false);
        assertThat(collection.escalationOf(invoiceCase)).as("escalated afresh").isNotNull();
        assertThat(trail(buyer)).anyMatch(line -> line.startsWith("Overdue declared to Allianz Trade"))
                .anyMatch(line -> line.startsWith("Handed over to Allianz Trade"))
                .anyMatch(line -> line.startsWith("Claim of 9000.00 EUR filed"))
                .anyMatch(line -> line.startsWith("Allianz Trade indemnifies 9000.00"));
    }

    @Test
    void aWriteOffOfADeclaredOverdueIsToldToTheInsurerAndClosesTheCase() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "10000.00");
        ProcessInstance claim = claimOf(number);
        moveTo(DECLARATION_DAY);
        runJobs(claim);
        assertThat(insured.require(number).status()).isEqualTo(Status.DECLARED);

        invoices.writeOff(number, "debtor vanished");
        runJobs(claim);

        assertThat(claim).isEnded().hasPassed("Task_CloseSettledCase");
        assertThat(insurer.writeOffsReported()).containsEntry("SBX-D-" + number, new BigDecimal("10000.00"));
        assertThat(insured.require(number).status()).isEqualTo(Status.SETTLED);
    }

    @Test
    void paidBeforeTheDeadlineIsNeverDeclared() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);
        moveTo(DUE.plusDays(3));

        payments.register(new NewPayment(buyer, new BigDecimal("4000.00"), "EUR", DUE.plusDays(3), "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("4000.00")))));
        runJobs(claim);

        assertThat(claim).isEnded().hasPassed("Task_CloseSettledCase").hasNotPassed("Task_DeclareOverdue");
        assertThat(insured.require(number).status()).isEqualTo(Status.NOT_DECLARED);
        assertThat(insured.require(number).notDeclaredReason()).contains("settled");
    }

    @Test
    void aDisputedInvoiceIsNotDeclaredAndTheReasonIsKept() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);
        collection.runJobs(collection.instanceOf(number));
        moveTo(DUE.plusDays(3));
        collection.raiseDispute(number);
        runJobs(claim);
        assertThat(insurer.disputesReported()).as("the insurer is told at once").containsEntry(number, "PRICE");

        moveTo(DECLARATION_DAY);
        runJobs(claim);

        assertThat(claim).isEnded().hasPassed("Task_CheckDeclaration", "Task_TellNotDeclared").hasNotPassed("Task_DeclareOverdue");
        assertThat(insured.require(number).status()).isEqualTo(Status.NOT_DECLARED);
        assertThat(insured.require(number).notDeclaredReason()).contains("disputed", "not covered");
        assertThat(trail(buyer)).anyMatch(line -> line.startsWith("Overdue not declared to the insurer"))
                .anyMatch(line -> line.equals("Allianz Trade told of the dispute: not covered while disputed"));
    }

    @Test
    void anExtensionGrantedMovesTheDeadlineAndTheDeclarationWaits() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);

        assertThat(claims.requestExtension(number, DUE.plusDays(30))).isTrue();
        assertThat(claims.requestExtension(number, DUE.plusDays(200))).as("beyond what the insurer allows").isFalse();

        InsuredInvoice extended = insured.require(number);
        assertThat(extended.extendedUntil()).isEqualTo(DUE.plusDays(30));
        // 23 December + 15 days = Thursday 7 January 2027; 2 days before is Tuesday 5 January
        assertThat(extended.declarationDeadline()).isEqualTo(LocalDate.of(2027, 1, 7));
        moveTo(DECLARATION_DAY);
        runJobs(claim);
        assertThat(claim).as("not on the old day").hasNotPassed("Task_DeclareOverdue").isWaitingAt("Gateway_Watch");
        assertThat(insured.require(number).declareBy()).isEqualTo(LocalDate.of(2027, 1, 5));
        moveTo(LocalDate.of(2027, 1, 5));
        runJobs(claim);
        assertThat(insured.require(number).status()).isEqualTo(Status.DECLARED);
        assertThat(trail(buyer)).anyMatch(line -> line.contains("extends the due date to 2026-12-23"))
                .anyMatch(line -> line.contains("not granted"));
    }

    @Test
    void aPaymentPlanAcceptedAsksTheInsurerToExtendTheDueDate() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        moveTo(DUE.plusDays(2));
        collection.runJobs(collection.instanceOf(number));

        collection.acceptedPlan(buyer, number, new TreeMap<>(Map.of(
                DUE.plusDays(10), new BigDecimal("2000.00"), DUE.plusDays(40), new BigDecimal("2000.00"))));

        InsuredInvoice extended = insured.require(number);
        assertThat(extended.extendedUntil()).as("to the last instalment").isEqualTo(DUE.plusDays(40));
        // 2 January 2027 + 15 days = Sunday 17 January
        assertThat(extended.declarationDeadline()).isEqualTo(LocalDate.of(2027, 1, 17));
        assertThat(trail(buyer)).anyMatch(line -> line.startsWith("Allianz Trade extends the due date to 2027-01-02"));
    }

    @Test
    void theInsurerRefusesTheClaim() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);
        insurer.refuseClaimsOn(customers.get(buyer).getRegistrationNumber(), "the buyer contests the debt");

        moveTo(DECLARATION_DAY);
        runJobs(claim);
        moveTo(DECLARATION_DAY.plusDays(30));
        runJobs(claim);
        moveTo(DECLARATION_DAY.plusDays(30 + 35));
        runJobs(claim);

        assertThat(claim).isEnded().hasPassed("Task_TellInvoice");
        assertThat(insured.require(number).status()).isEqualTo(Status.REFUSED);
        assertThat(insured.require(number).refusalReason()).isEqualTo("the buyer contests the debt");
    }

    @Test
    void afterAnOutageTheDeclarationStillHappensAndItsLatenessIsFlaggedTheSameDay() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);

        // the engine was down from before the declaration day until two days after the deadline
        moveTo(DEADLINE.plusDays(2));
        runJobs(claim);

        assertThat(insured.require(number).status()).isEqualTo(Status.DECLARED);
        assertThat(insured.require(number).declaredLate()).isTrue();
        Task review = task(claim);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewLateDeclaration");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.CREDIT_MANAGERS).count()).isOne();
        assertThat(review.getDueDate()).as("the same day").isBefore(Date.from(DEADLINE.plusDays(3).atStartOfDay(PARIS).toInstant()));
        assertThat(trail(buyer)).anyMatch(line -> line.contains("after the deadline of 2026-12-08"));
    }

    @Test
    void anInsurerStillUnreachableTheDayBeforeTheDeadlineHandsTheDeclarationToACreditManager() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);
        insurer.beUnreachableFor(1000);

        moveTo(DECLARATION_DAY);
        runJobs(claim);
        assertThat(claim).as("tried again later").isWaitingAt("Task_DeclareOverdue");
        assertThat(job(claim).getExceptionMessage()).contains("unreachable");
        moveTo(DEADLINE.minusDays(1));
        management.executeJob(job(claim).getId());

        Task byHand = task(claim);
        assertThat(byHand.getTaskDefinitionKey()).isEqualTo("Task_DeclareByHand");
        assertThat((String) runtime.getVariable(claim.getId(), "declarationProblem")).contains("could not be reached");
        assertThatThrownBy(() -> tasks.complete(byHand.getId(), new HashMap<>(Map.of("declaredByHand", true))))
                .as("Tasklist shows why").hasMessageContaining("declarationReference");

        tasks.complete(byHand.getId(), Map.of("declaredByHand", true, "declarationReference", "AT-2026-0042"));

        assertThat(insured.require(number).declarationReference()).isEqualTo("AT-2026-0042");
        assertThat(insured.require(number).declaredLate()).isFalse();
        assertThat(claim).isWaitingAt("Timer_WaitingPeriod");
    }

    @Test
    void anEscalationToTheInsurerDeclaresAtOnce() {
        UUID buyer = coveredBuyer();
        String number = invoice(buyer, "4000.00");
        ProcessInstance claim = claimOf(number);

        assertThat(claims.askToTakeOver(number)).isTrue();
        runJobs(claim);

        assertThat(claim).hasPassed("Event_DeclarationRequested", "Task_DeclareOverdue").isWaitingAt("Timer_WaitingPeriod");
        assertThat(insured.require(number).status()).isEqualTo(Status.DECLARED);
        assertThat(claims.askToTakeOver(invoice(uninsuredBuyer(), "4000.00"))).as("not insured").isFalse();
    }

    // ---- helpers

    /** A buyer the insurer approved up to 50,000 EUR: asked 40 days before the due date, decided 2 days later. */
    private UUID coveredBuyer() {
        UUID buyer = uninsuredBuyer();
        covers.requestLimit(buyer, new BigDecimal("50000"));
        moveTo(today().plusDays(2));
        assertThat(covers.sync(buyer)).hasValueSatisfying(cover -> assertThat(cover.coversOn(today())).isTrue());
        moveTo(DUE);
        return buyer;
    }

    private UUID uninsuredBuyer() {
        return customers.register(TestData.debtor("Menuiserie", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    /** Issued 30 days before the due date, 23 November 2026. */
    private String invoice(UUID buyer, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, buyer, null, DUE.minusDays(30), DUE, new BigDecimal(amount), "EUR"));
        return number;
    }

    private ProcessInstance claimOf(String number) {
        ProcessInstance claim = runtime.createProcessInstanceQuery().processDefinitionKey(CreditInsuranceClaimContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
        assertThat(claim).as("a claim for insured invoice %s", number).isNotNull();
        return claim;
    }

    private void runJobs(ProcessInstance instance) {
        engineJobs.runDueKeepingFailures(instance);
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
    }
}

package io.recouvra.legal;

import static io.recouvra.legal.LegalCaseFixtures.moveTo;
import static io.recouvra.legal.LegalCaseFixtures.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * LegalInjunction on every path, opened the way InvoiceCollection's escalation opens it (the
 * {@code openLegalCase} delegate) and heard back through {@code LegalInjunctionEnded}. Time moves by the
 * engine clock. The invoice: 10,000.00 EUR issued on 1 January 2026, due on 31 January 2026; the case
 * opens on Wednesday 15 April 2026.
 */
@RecouvraTest
class LegalInjunctionProcessTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 4, 15);
    private static final LocalDate ORDER = LocalDate.of(2026, 5, 5);
    private static final LocalDate SERVED = LocalDate.of(2026, 5, 19);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    InvoiceService invoices;
    @Autowired
    LegalCases cases;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    LegalCaseFixtures fixtures;

    String number;
    ProcessInstance caller;
    ProcessInstance legal;

    @BeforeEach
    void anInvoiceEscalatedToCourt() {
        BpmnAwareTests.init(engine);
        fixtures.deployCaller();
        moveTo(OPENED);
        UUID debtor = fixtures.debtor("Lyon", "69002");
        number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "10000.00");
        caller = fixtures.escalateToCourt(number);
        legal = fixtures.legalCase(number);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.IN_COURT);
        fixtures.runJobs(legal);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void grantedInFullServedUnopposedMadeEnforceableAndRecoveredInFull() {
        Task review = fixtures.task(legal);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewInjunction");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        assertThat(review.getName()).startsWith("Review injunction request: Transports Durand SARL").contains(number);
        assertThat(runtime.getVariable(legal.getId(), "courtName")).isEqualTo("Tribunal de commerce de Lyon");

        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("filedOn", "2026-04-15")))
                .as("Tasklist shows the missing field").hasMessageContaining("courtReference");
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-04-15", "courtReference", "2026R00042"));
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "commissaireDeJustice", "SCP Martin"));

        // one month from 19 May: the window's last day is Friday 19 June; the timer fires once it is over
        LegalCase served = cases.current(number);
        assertThat(served.oppositionWindowEnds()).isEqualTo(LocalDate.of(2026, 6, 19));
        moveTo(LocalDate.of(2026, 6, 19));
        fixtures.runJobs(legal);
        assertThat(legal).isWaitingAt("Gateway_OppositionWindow");
        moveTo(LocalDate.of(2026, 6, 20));
        fixtures.runJobs(legal);

        Task formula = fixtures.task(legal);
        assertThat(formula.getTaskDefinitionKey()).isEqualTo("Task_RequestFormula");
        // one month after 19 June is Sunday 19 July: the next working day
        assertThat(formula.getDueDate()).isEqualTo(startOf(LocalDate.of(2026, 7, 20)));
        moveTo(LocalDate.of(2026, 6, 24));
        fixtures.complete(legal, "Task_RequestFormula", Map.of("formulaAffixedOn", "2026-06-24"));
        moveTo(LocalDate.of(2026, 6, 26));
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-26"));
        moveTo(LocalDate.of(2026, 7, 20));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "FULL", "amountRecovered", "10286.33",
                "firstMeasureOn", "2026-07-01"));

        assertThat(legal).isEnded();
        assertThat(caller).as("InvoiceCollection hears it").isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.CLOSED);
        LegalCase closed = cases.current(number);
        assertThat(closed.outcome()).isEqualTo(LegalCases.CLOSED);
        assertThat(closed.outcomeReason()).isEqualTo("recovered in full by enforcement");
        assertThat(closed.amountGranted()).isEqualByComparingTo(closed.totalClaimed());
        assertThat(fixtures.courtTrail(number))
                .anyMatch(line -> line.startsWith("Injunction request prepared for the Tribunal de commerce de Lyon"))
                .anyMatch(line -> line.startsWith("Injunction request filed with the Tribunal de commerce de Lyon on 2026-04-15"))
                .anyMatch(line -> line.startsWith("Injunction order of 2026-05-05: granted in full"))
                .anyMatch(line -> line.equals("Injunction order served on 2026-05-19: the debtor may oppose until 2026-06-19"))
                .anyMatch(line -> line.startsWith("No opposition by 2026-06-19"))
                .anyMatch(line -> line.startsWith("Enforceable formula affixed"))
                .anyMatch(line -> line.startsWith("Enforcement instructed to SCP Martin"))
                .anyMatch(line -> line.startsWith("Enforcement recovered the claim in full"))
                .anyMatch(line -> line.startsWith("Legal case closed"));
        assertThat(prescriptions.of(number).prescribedOn()).as("the enforcement measure restarted the five years")
                .isEqualTo(LocalDate.of(2031, 7, 1));
    }

    @Test
    void partlyGrantedThenEnforcementRecoversPartAndTheRestGoesBack() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("courtDecision", "PARTLY",
                "orderDate", ORDER.toString()))).hasMessageContaining("amountGranted");
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "PARTLY", "orderDate", ORDER.toString(),
                "amountGranted", "6000.00"));
        assertThat(cases.current(number).amountGranted()).isEqualByComparingTo("6000.00");
        serveAndWaitOutTheWindow();
        fixtures.complete(legal, "Task_RequestFormula", Map.of("formulaAffixedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "PART", "amountRecovered", "2500"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.RETURNED);
        assertThat(cases.current(number).amountRecovered()).isEqualByComparingTo("2500.00");
        assertThat(invoices.get(number).getStatus()).as("back under collection").isEqualTo(InvoiceStatus.OPEN);
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("Injunction order of 2026-05-05: granted in part, 6 000,00 €"));
    }

    @Test
    void enforcementThatRecoversNothingReturnsTheCase() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        serveAndWaitOutTheWindow();
        fixtures.complete(legal, "Task_RequestFormula", Map.of("formulaAffixedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "NOTHING"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.RETURNED);
        assertThat(cases.current(number).outcomeReason()).isEqualTo("enforcement recovered nothing");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aRejectedRequestReturnsTheCase() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "REJECTED", "orderDate", ORDER.toString()));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.RETURNED);
        assertThat(cases.current(number).decision()).isEqualTo("REJECTED");
        assertThat(cases.current(number).outcomeReason()).isEqualTo("the court rejected the request");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void anOppositionTurnsTheCaseIntoLitigationWithAHearing() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString()));
        moveTo(LocalDate.of(2026, 6, 3));
        assertThatThrownBy(() -> cases.opposed(number, LocalDate.of(2026, 5, 10))).as("before the service")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filedOn");

        cases.opposed(number, LocalDate.of(2026, 6, 2));

        Task hearing = fixtures.task(legal);
        assertThat(hearing.getTaskDefinitionKey()).isEqualTo("Task_RecordHearing");
        assertThat(tasks.createTaskQuery().taskId(hearing.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        fixtures.complete(legal, "Task_RecordHearing", Map.of("hearingDate", "2026-09-15"));
        Task judgment = fixtures.task(legal);
        assertThat(judgment.getTaskDefinitionKey()).isEqualTo("Task_RecordJudgment");
        assertThat(judgment.getDueDate()).as("due on the hearing day").isEqualTo(startOf(LocalDate.of(2026, 9, 15)));
        assertThat(cases.current(number).hearingDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        moveTo(LocalDate.of(2026, 9, 30));
        fixtures.complete(legal, "Task_RecordJudgment", Map.of("judgment", "FOR_CREDITOR", "amountGranted", "10000"));

        assertThat(fixtures.task(legal).getTaskDefinitionKey()).as("the judgment is enforced").isEqualTo("Task_InstructEnforcement");
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("The debtor opposed the injunction order on 2026-06-02"))
                .anyMatch(line -> line.equals("Hearing on the opposition set for 2026-09-15"));
    }

    @Test
    void anOrderNotServedWithinSixMonthsLapsesAfterTwoReminders() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        Task serve = fixtures.task(legal);
        int priority = serve.getPriority();

        moveTo(LocalDate.of(2026, 9, 4));
        fixtures.runJobs(legal);
        assertThat(fixtures.task(legal).getPriority()).as("not yet four months").isEqualTo(priority);
        moveTo(LocalDate.of(2026, 9, 5));
        fixtures.runJobs(legal);
        assertThat(fixtures.task(legal).getPriority()).isEqualTo(priority + 25);
        moveTo(LocalDate.of(2026, 10, 5));
        fixtures.runJobs(legal);
        assertThat(fixtures.task(legal).getPriority()).isEqualTo(priority + 50);
        assertThat(fixtures.courtTrail(number)).filteredOn(line -> line.contains("is not served yet")).hasSize(2)
                .allMatch(line -> line.endsWith("unless served by 2026-11-05"));
        moveTo(LocalDate.of(2026, 11, 5));
        fixtures.runJobs(legal);
        assertThat(legal).as("the last day of service").isWaitingAt("Task_ServeOrder");

        moveTo(LocalDate.of(2026, 11, 6));
        fixtures.runJobs(legal);

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.RETURNED);
        assertThat(cases.current(number).outcomeReason()).contains("lapsed", "non avenue");
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.contains("lapsed: not served within six months"));
    }

    @Test
    void paidInFullAfterTheFilingTheOfficerWithdrawsAndTheCaseCloses() {
        approveAndFile();
        moveTo(LocalDate.of(2026, 4, 20));

        fixtures.pay(number, "10000.00", LocalDate.of(2026, 4, 20));
        fixtures.runJobs(legal);

        Task withdraw = fixtures.task(legal);
        assertThat(withdraw.getTaskDefinitionKey()).isEqualTo("Task_WithdrawCase");
        assertThat(tasks.createTaskQuery().taskId(withdraw.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        fixtures.complete(legal, "Task_WithdrawCase", Map.of("withdrawalNote", "désistement sent to the clerk"));

        assertThat(legal).isEnded();
        assertThat(cases.current(number).outcome()).isEqualTo(LegalCases.CLOSED);
        assertThat(cases.current(number).outcomeReason()).isEqualTo("the invoice was paid");
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("Court case withdrawn"));
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void paidInFullBeforeTheFilingClosesWithoutATask() {
        fixtures.pay(number, "10000.00", OPENED);
        fixtures.runJobs(legal);

        assertThat(legal).isEnded().hasNotPassed("Task_WithdrawCase");
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.CLOSED);
        assertThat(cases.current(number).outcome()).isEqualTo(LegalCases.CLOSED);
    }

    @Test
    void aPartPaymentIsNotedAndTheCaseGoesOn() {
        fixtures.pay(number, "4000.00", OPENED);
        fixtures.runJobs(legal);

        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_ReviewInjunction");
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.equals("Part payment during the court case: 6 000,00 € still owed"));
    }

    @Test
    void writtenOffDuringTheCaseCloses() {
        invoices.writeOff(number, "debtor struck off the register");
        fixtures.runJobs(legal);

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.CLOSED);
        assertThat(cases.current(number).outcomeReason()).startsWith("the invoice was written off");
    }

    @Test
    void sentBackAtReviewWithItsReason() {
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("reviewDecision", "SEND_BACK")))
                .hasMessageContaining("reviewNote");
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "SEND_BACK", "reviewNote", "disputed quantities"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo(LegalCases.RETURNED);
        assertThat(cases.current(number).sentBackReason()).isEqualTo("disputed quantities");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aCorrectionRebuildsTheRequestAndComesBackForReview() {
        LegalCase before = cases.current(number);
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "CORRECT", "otherCosts", "12.50",
                "correctedCourtName", "Tribunal des activités économiques de Lyon"));

        LegalCase after = cases.current(number);
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_ReviewInjunction");
        assertThat(after.totalClaimed()).isEqualByComparingTo(before.totalClaimed().add(new java.math.BigDecimal("12.50")));
        assertThat(after.courtName()).isEqualTo("Tribunal des activités économiques de Lyon");
        assertThat(runtime.getVariable(legal.getId(), "courtName")).isEqualTo("Tribunal des activités économiques de Lyon");
    }

    private void approveAndFile() {
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-04-15", "courtReference", "2026R00042"));
    }

    private void serveAndWaitOutTheWindow() {
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString()));
        moveTo(LocalDate.of(2026, 6, 24));
        fixtures.runJobs(legal);
    }
}

package io.recouvra.legal;

import static io.recouvra.support.EngineClock.moveTo;
import static io.recouvra.support.EngineClock.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestRates;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    Api api;

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
    void grantedInFullServedInPersonUnopposedEnforcedAfterTheMonthAndRecoveredInFull() {
        Task review = fixtures.task(legal);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewInjunction");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        assertThat(review.getName()).startsWith("Vérifier la requête en injonction de payer : Transports Durand SARL").contains(number);
        assertThat(runtime.getVariable(legal.getId(), "courtName")).isEqualTo("Tribunal de commerce de Lyon");

        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("filedOn", "2026-04-15")))
                .as("Tasklist shows the missing field").hasMessageContaining("courtReference");
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-04-15", "courtReference", "2026R00042"));
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("servedOn", SERVED.toString())))
                .as("how the order was served decides the opposition window").hasMessageContaining("serviceMode");
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "PERSON",
                "commissaireDeJustice", "SCP Martin"));

        // one month from 19 May: the window's last day is Friday 19 June; the timer fires once it is over
        LegalCase served = cases.current(number);
        assertThat(served.oppositionWindowEnds()).isEqualTo(LocalDate.of(2026, 6, 19));
        moveTo(LocalDate.of(2026, 6, 19));
        fixtures.runJobs(legal);
        assertThat(legal).isWaitingAt("Gateway_OppositionWindow");
        moveTo(LocalDate.of(2026, 6, 20));
        fixtures.runJobs(legal);

        // since decree 2021-1322 the order comes with the enforceable formula: nothing to ask the clerk,
        // the order has the effects of a judgment once the month is over (art. 1422) and is enforced
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_InstructEnforcement");
        assertThat(cases.current(number).stage()).isEqualTo(LegalCase.Stage.ENFORCEABLE);
        String deployment = repository.createProcessDefinitionQuery().processDefinitionKey(LegalInjunctionContract.PROCESS_KEY)
                .latestVersion().singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deployment)).as("the formula form is gone")
                .noneMatch(name -> name.contains("request-enforceable-formula")).anyMatch(name -> name.contains("record-service"));
        moveTo(LocalDate.of(2026, 6, 26));
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-26"));
        moveTo(LocalDate.of(2026, 7, 20));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "FULL", "amountRecovered", "10286.33",
                "firstMeasureOn", "2026-07-01"));

        assertThat(legal).isEnded();
        assertThat(caller).as("InvoiceCollection hears it").isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("CLOSED");
        LegalCase closed = cases.current(number);
        assertThat(closed.outcome()).isEqualTo("CLOSED");
        assertThat(closed.outcomeReason()).isEqualTo("recovered in full by enforcement");
        assertThat(closed.amountGranted()).isEqualByComparingTo(closed.totalClaimed());
        assertThat(fixtures.courtTrail(number))
                .anyMatch(line -> line.startsWith("Injunction request prepared for the Tribunal de commerce de Lyon"))
                .anyMatch(line -> line.startsWith("Injunction request filed with the Tribunal de commerce de Lyon on 2026-04-15"))
                .anyMatch(line -> line.startsWith("Injunction order of 2026-05-05: granted in full"))
                .anyMatch(line -> line.equals("Injunction order served on 2026-05-19 (to the debtor in person): the debtor may "
                        + "oppose until 2026-06-19"))
                .anyMatch(line -> line.equals("No opposition by 2026-06-19: the order has the effects of a judgment and can be "
                        + "enforced (art. 1422 CPC)"))
                .noneMatch(line -> line.contains("formula"))
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
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "PART", "amountRecovered", "2500"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("RETURNED");
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
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-24"));
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "NOTHING"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("RETURNED");
        assertThat(cases.current(number).outcomeReason()).isEqualTo("enforcement recovered nothing");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aRejectedRequestReturnsTheCase() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "REJECTED", "orderDate", ORDER.toString()));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("RETURNED");
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
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "PERSON"));
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
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("RETURNED");
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
        assertThat(cases.current(number).outcome()).isEqualTo("CLOSED");
        assertThat(cases.current(number).outcomeReason()).isEqualTo("the invoice was paid");
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("Court case withdrawn"));
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void paidInFullBeforeTheFilingClosesWithoutATask() {
        fixtures.pay(number, "10000.00", OPENED);
        fixtures.runJobs(legal);

        assertThat(legal).isEnded().hasNotPassed("Task_WithdrawCase");
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("CLOSED");
        assertThat(cases.current(number).outcome()).isEqualTo("CLOSED");
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
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("CLOSED");
        assertThat(cases.current(number).outcomeReason()).startsWith("the invoice was written off");
    }

    @Test
    void sentBackAtReviewWithItsReason() {
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("reviewDecision", "SEND_BACK")))
                .hasMessageContaining("reviewNote");
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "SEND_BACK", "reviewNote", "disputed quantities"));

        assertThat(legal).isEnded();
        assertThat(fixtures.outcomeReceivedBy(caller)).isEqualTo("RETURNED");
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

    @Test
    void anOppositionFiledInTimeButRecordedAfterTheMonthsTimerFiredIsHandledOneOutsideTheWindowIsRefused() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "PERSON"));
        // served in person on Tuesday 19 May: the window's last day is Friday 19 June (art. 1416, 641)
        moveTo(LocalDate.of(2026, 6, 22));
        fixtures.runJobs(legal);
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).as("the timer fired: enforcement").isEqualTo("Task_InstructEnforcement");

        ResponseEntity<JsonNode> late = api.asAdmin().postForEntity("/api/v1/legal-cases/{number}/opposition",
                Map.of("filedOn", "2026-06-20"), JsonNode.class, number);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(late.getBody().get("errors").get(0).get("field").asText()).isEqualTo("filedOn");
        assertThat(late.getBody().get("errors").get(0).get("reason").asText())
                .contains("2026-06-20", "outside the opposition window", "2026-05-19", "2026-06-19");
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).as("nothing changed").isEqualTo("Task_InstructEnforcement");

        ResponseEntity<JsonNode> inTime = api.asAdmin().postForEntity("/api/v1/legal-cases/{number}/opposition",
                Map.of("filedOn", "2026-06-19"), JsonNode.class, number);

        assertThat(inTime.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_RecordHearing");
        assertThat(cases.current(number).stage()).isEqualTo(LegalCase.Stage.OPPOSED);
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.equals(
                "The debtor opposed the injunction order on 2026-06-19: the case goes to a hearing, enforcement stops"));
        ResponseEntity<JsonNode> twice = api.asAdmin().postForEntity("/api/v1/legal-cases/{number}/opposition",
                Map.of("filedOn", "2026-06-19"), JsonNode.class, number);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().toString()).contains("already opposed the order on 2026-06-19");
    }

    @Test
    void servedAtTheOfficeTheDebtorMayStillOpposeDuringEnforcementAndTheCaseBecomesLitigation() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "ETUDE"));
        assertThat(cases.current(number).oppositionWindowEnds()).as("open-ended for now").isNull();
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("Injunction order served on 2026-05-19 "
                + "(left at the commissaire's office): the order cannot be enforced before 2026-06-20; the debtor may oppose until "
                + "one month after the first act served on it in person"));
        // the month suspends execution whatever the service (art. 1422): on its last day, still no enforcement
        moveTo(LocalDate.of(2026, 6, 19));
        fixtures.runJobs(legal);
        assertThat(legal).isWaitingAt("Gateway_OppositionWindow");
        moveTo(LocalDate.of(2026, 6, 20));
        fixtures.runJobs(legal);
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("No opposition by 2026-06-19: the order has the "
                + "effects of a judgment and can be enforced (art. 1422 CPC); served other than in person, the debtor may still oppose"));
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-20"));
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_RecordEnforcement");

        // months later, still within the open window: no act in person, no seizure yet
        moveTo(LocalDate.of(2026, 9, 2));
        cases.opposed(number, LocalDate.of(2026, 9, 1));

        assertThat(fixtures.task(legal).getTaskDefinitionKey()).isEqualTo("Task_RecordHearing");
        fixtures.complete(legal, "Task_RecordHearing", Map.of("hearingDate", "2026-11-17"));
        moveTo(LocalDate.of(2026, 11, 20));
        fixtures.complete(legal, "Task_RecordJudgment", Map.of("judgment", "FOR_CREDITOR", "amountGranted", "10000"));
        assertThat(fixtures.task(legal).getTaskDefinitionKey()).as("the judgment is enforced").isEqualTo("Task_InstructEnforcement");
        assertThatThrownBy(() -> cases.opposed(number, LocalDate.of(2026, 11, 20))).as("once")
                .isInstanceOf(io.recouvra.web.ConflictException.class);
    }

    @Test
    void servedByASearchReportTheFirstActInPersonOrSeizureSetsTheLastDayToOppose() {
        approveAndFile();
        moveTo(ORDER.plusDays(1));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", ORDER.toString()));
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "SEARCH_REPORT"));
        moveTo(LocalDate.of(2026, 6, 20));
        fixtures.runJobs(legal);
        fixtures.complete(legal, "Task_InstructEnforcement", Map.of("commissaireDeJustice", "SCP Martin", "instructedOn", "2026-06-20"));
        moveTo(LocalDate.of(2026, 7, 20));
        assertThatThrownBy(() -> tasks.complete(fixtures.task(legal).getId(), Map.of("enforcementOutcome", "NOTHING",
                "assetsUnavailableOn", "2026-05-01"))).hasMessageContaining("assetsUnavailableOn");

        // a commandement served in person on Wednesday 8 July, a bank seizure on Friday 10 July: the earlier
        // counts; 8 July + one month = Saturday 8 August, moved to Monday 10 August (art. 641, 642)
        fixtures.complete(legal, "Task_RecordEnforcement", Map.of("enforcementOutcome", "NOTHING",
                "personalNoticeOn", "2026-07-08", "assetsUnavailableOn", "2026-07-10", "firstMeasureOn", "2026-07-08"));

        LegalCase ended = cases.current(number);
        assertThat(ended.personalNoticeOn()).isEqualTo(LocalDate.of(2026, 7, 8));
        assertThat(ended.assetsUnavailableOn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(ended.oppositionWindowEnds()).isEqualTo(LocalDate.of(2026, 8, 10));
        assertThat(fixtures.courtTrail(number)).anyMatch(line -> line.startsWith("The debtor may oppose the order until 2026-08-10"));
    }

    @Test
    void aMissingLatePaymentRateMakesTheRequestWaitVisiblyUntilTheRateIsRecorded() {
        assertThat(jdbc.queryForObject("select count(*) from recouvra.late_payment_rate where half_year_start = date '2026-07-01'",
                Integer.class)).as("the second half of 2026 has no rate yet").isZero();
        moveTo(LocalDate.of(2026, 7, 15));
        String late = fixtures.invoice(fixtures.debtor("Lyon", "69002"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), "5000.00");
        fixtures.escalateToCourt(late);
        ProcessInstance waiting = fixtures.legalCase(late);

        fixtures.runJobs(waiting);

        assertThat(waiting).isWaitingAt("Event_WaitForRate");
        assertThat(runtime.createIncidentQuery().processInstanceId(waiting.getId()).count()).as("no incident").isZero();
        assertThat(fixtures.task(waiting)).isNull();
        try {
            TestRates.add(jdbc, "LegalInjunctionProcessTest", "2026-07-01");
            runtime.createSignalEvent("LatePaymentRateRecorded").send();
            fixtures.runJobs(waiting);

            assertThat(fixtures.task(waiting).getTaskDefinitionKey()).isEqualTo("Task_ReviewInjunction");
            assertThat(cases.current(late).interestAsOf()).isEqualTo(LocalDate.of(2026, 7, 15));
        } finally {
            TestRates.remove(jdbc, "LegalInjunctionProcessTest");
        }
    }

    private void approveAndFile() {
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-04-15", "courtReference", "2026R00042"));
    }

    private void serveAndWaitOutTheWindow() {
        moveTo(SERVED);
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", SERVED.toString(), "serviceMode", "PERSON"));
        moveTo(LocalDate.of(2026, 6, 24));
        fixtures.runJobs(legal);
    }
}

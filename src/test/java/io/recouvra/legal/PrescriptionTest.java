package io.recouvra.legal;

import static io.recouvra.support.EngineClock.moveTo;
import static io.recouvra.support.EngineClock.startOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.legal.Prescriptions.Act;
import io.recouvra.legal.Prescriptions.Review;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestRates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Five years from the due date (Code de commerce L. 110-4), started again by a part payment, a court
 * claim or a signed acknowledgement, never by a formal notice; and the daily scan's review tasks.
 */
@RecouvraTest
class PrescriptionTest {

    @Autowired
    Prescriptions prescriptions;
    @Autowired
    LegalCaseFixtures fixtures;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    Api api;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    UUID debtor;

    @BeforeEach
    void aDebtor() {
        fixtures.deployCaller();
        moveTo(LocalDate.of(2026, 3, 2));
        debtor = fixtures.debtor("Nantes", "44000");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fiveYearsFromTheDueDateAPartPaymentRestartsThemAFormalNoticeDoesNot() throws Exception {
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "3000.00");
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 1, 31));
        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.DUE_DATE);

        fixtures.formalNoticeSent(number, LocalDate.of(2026, 3, 2), true);
        assertThat(fixtures.interactionTypes(number)).as("the notice went out").contains("MESSAGE_SENT");
        assertThat(prescriptions.of(number).prescribedOn()).as("a formal notice interrupts nothing").isEqualTo(LocalDate.of(2031, 1, 31));

        moveTo(LocalDate.of(2026, 3, 10));
        fixtures.pay(number, "1000.00", LocalDate.of(2026, 3, 10));

        Prescriptions.Prescription afterPayment = prescriptions.of(number);
        assertThat(afterPayment.lastAct()).isEqualTo(Act.PAYMENT);
        assertThat(afterPayment.runsFrom()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(afterPayment.prescribedOn()).isEqualTo(LocalDate.of(2031, 3, 10));
        assertThat(afterPayment.barred()).isFalse();
    }

    @Test
    void theFilingOfTheRequestDoesNotInterruptTheServiceOfTheOrderDoesAndADismissalVoidsIt() {
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "3000.00");
        fixtures.escalateToCourt(number);
        ProcessInstance legal = fixtures.legalCase(number);
        fixtures.runJobs(legal);
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        moveTo(LocalDate.of(2026, 3, 20));
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-03-19", "courtReference", "2026R00077"));

        // the request is not served on the debtor: its filing interrupts nothing (Cass. 1re civ., 11 Feb. 2010)
        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.DUE_DATE);
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 1, 31));

        moveTo(LocalDate.of(2026, 4, 2));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", "2026-04-01"));
        moveTo(LocalDate.of(2026, 4, 10));
        fixtures.complete(legal, "Task_ServeOrder", Map.of("servedOn", "2026-04-10", "serviceMode", "PERSON"));

        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.ORDER_SERVED);
        assertThat(prescriptions.of(number).prescribedOn()).as("five years from the service").isEqualTo(LocalDate.of(2031, 4, 10));

        moveTo(LocalDate.of(2026, 5, 4));
        fixtures.legalCases().opposed(number, LocalDate.of(2026, 5, 4));
        fixtures.complete(legal, "Task_RecordHearing", Map.of("hearingDate", "2026-09-15"));
        moveTo(LocalDate.of(2026, 9, 16));
        fixtures.complete(legal, "Task_RecordJudgment", Map.of("judgment", "DISMISSED"));

        // the claim dismissed, the interruption is void (Code civil 2243): back to the due date
        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.DUE_DATE);
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 1, 31));
        assertThat(fixtures.interactionSummaries(number)).anyMatch(line -> line.startsWith(
                "Prescription: the court claim no longer interrupts (the claim was dismissed on opposition"));
    }

    @Test
    void aFilingRecordedAsAnInterruptionBeforeNoLongerCountsOnceTheOrderLapses() {
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "3000.00");
        fixtures.escalateToCourt(number);
        ProcessInstance legal = fixtures.legalCase(number);
        fixtures.runJobs(legal);
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        moveTo(LocalDate.of(2026, 3, 20));
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-03-19", "courtReference", "2026R00078"));
        // what Recouvra recorded at the filing until 2026-12
        prescriptions.record(number, Act.COURT_CLAIM, LocalDate.of(2026, 3, 19), "injunction request filed", null);
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 3, 19));
        moveTo(LocalDate.of(2026, 4, 2));
        fixtures.complete(legal, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", "2026-04-01"));

        // 1 April + 6 months = Thursday 1 October, the last day of service; it lapses on 2 October
        moveTo(LocalDate.of(2026, 10, 2));
        fixtures.runJobs(legal);

        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.DUE_DATE);
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 1, 31));
        assertThat(fixtures.interactionSummaries(number)).anyMatch(line -> line.startsWith(
                "Prescription: the court claim no longer interrupts (the injunction order lapsed unserved"));
    }

    @Test
    void anAcknowledgementSignedAfterTheClaimWasBarredIsKeptButIgnoredAndTheApiSaysSo() {
        moveTo(LocalDate.of(2020, 1, 2));
        String number = fixtures.invoice(debtor, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), "3000.00");
        moveTo(LocalDate.of(2026, 3, 2));
        assertThat(prescriptions.of(number).barred()).as("barred after 31 January 2025").isTrue();

        ResponseEntity<JsonNode> answer = api.asAdmin().postForEntity("/api/v1/invoices/{number}/prescription/acknowledgements",
                Map.of("signedOn", "2026-02-20", "note", "signed at the meeting"), JsonNode.class, number);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("counted").asBoolean()).isFalse();
        assertThat(answer.getBody().get("ignoredBecause").asText()).isEqualTo("the claim was already time-barred after 2025-01-31 "
                + "when the signed acknowledgement of the debt of 2026-02-20 was made");
        assertThat(answer.getBody().get("prescribedOn").asText()).isEqualTo("2025-01-31");
        assertThat(answer.getBody().get("barred").asBoolean()).isTrue();
        assertThat(fixtures.interactionSummaries(number)).anyMatch(line -> line.startsWith("Prescription not interrupted: the claim "
                + "was already time-barred after 2025-01-31") && line.contains("Code civil 2250-2251"));
    }

    @Test
    void aClaimAlreadyBarredIsFlaggedBeforeTheInjunctionRequestIsBuiltWithATaskForLegalAndCreditManagers() {
        moveTo(LocalDate.of(2020, 1, 2));
        String number = fixtures.invoice(debtor, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), "3000.00");
        moveTo(LocalDate.of(2026, 3, 2));
        fixtures.escalateToCourt(number);
        ProcessInstance legal = fixtures.legalCase(number);
        // interest runs from 2020: the half-years the migrations do not carry
        TestRates.add(jdbc, "PrescriptionTest", "2020-01-01", "2020-07-01", "2021-01-01", "2021-07-01", "2022-01-01", "2022-07-01");
        try {
            fixtures.runJobs(legal);
        } finally {
            TestRates.remove(jdbc, "PrescriptionTest");
        }

        List<String> trail = fixtures.interactionSummaries(number);
        int warning = indexOf(trail, "Warning: the claim is time-barred since 2025-02-01 and an injunction request is prepared; "
                + "a prescription review is raised");
        int prepared = indexOf(trail, "Injunction request prepared");
        assertThat(warning).as("flagged").isNotNegative();
        assertThat(warning).as("before the request").isLessThan(prepared);
        Task review = tasks.createTaskQuery().processDefinitionKey(PrescriptionReviewContract.PROCESS_KEY).processInstanceBusinessKey(number)
                .singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewPrescription");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.CREDIT_MANAGERS).count()).isOne();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();

        assertThat(prescriptions.warnIfBarred(number, "a reminder is sent")).isTrue();
        assertThat(tasks.createTaskQuery().processDefinitionKey(PrescriptionReviewContract.PROCESS_KEY).processInstanceBusinessKey(number).count())
                .as("one task per prescription date").isOne();
        assertThat(fixtures.interactionSummaries(number)).anyMatch(line -> line.equals("Warning: the claim is time-barred since "
                + "2025-02-01 and a reminder is sent; see its prescription review"));
    }

    private static int indexOf(List<String> trail, String start) {
        for (int i = 0; i < trail.size(); i++) {
            if (trail.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theScanRaisesAReviewSixMonthsAheadOnceAndASignedAcknowledgementAnswersIt() {
        moveTo(LocalDate.of(2021, 3, 1));
        String near = fixtures.invoice(debtor, LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 1), "2000.00");
        String later = fixtures.invoice(debtor, LocalDate.of(2021, 5, 1), LocalDate.of(2021, 6, 1), "2000.00");
        moveTo(LocalDate.of(2025, 8, 31));
        assertThat(mine(prescriptions.raiseReviews(), near, later)).as("more than six months ahead").isEmpty();

        moveTo(LocalDate.of(2025, 9, 1));
        List<Review> raised = mine(prescriptions.raiseReviews(), near, later);

        assertThat(raised).extracting(Review::invoiceNumber).containsExactly(near);
        assertThat(raised.get(0).prescribedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        Task review = tasks.createTaskQuery().processInstanceId(raised.get(0).processInstanceId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewPrescription");
        assertThat(review.getDueDate()).isEqualTo(startOf(LocalDate.of(2026, 3, 1)));
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        moveTo(LocalDate.of(2025, 9, 2));
        assertThat(mine(prescriptions.raiseReviews(), near, later)).as("once").isEmpty();

        tasks.complete(review.getId(), Map.of("prescriptionAction", "ACKNOWLEDGEMENT_SIGNED", "acknowledgedOn", "2025-09-02"));

        assertThat(prescriptions.of(near).lastAct()).isEqualTo(Act.ACKNOWLEDGEMENT);
        assertThat(prescriptions.of(near).prescribedOn()).isEqualTo(LocalDate.of(2030, 9, 2));
        moveTo(LocalDate.of(2025, 12, 1));
        assertThat(mine(prescriptions.raiseReviews(), near, later)).extracting(Review::invoiceNumber).containsExactly(later);
    }

    @Test
    void aPaymentEndsARunningReview() {
        moveTo(LocalDate.of(2021, 3, 1));
        String number = fixtures.invoice(debtor, LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 1), "2000.00");
        moveTo(LocalDate.of(2025, 10, 1));
        Review review = mine(prescriptions.raiseReviews(), number).get(0);

        fixtures.pay(number, "500.00", LocalDate.of(2025, 10, 1));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.processInstanceId()).count()).isZero();
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2030, 10, 1));
    }

    @Test
    void theApiShowsThePrescriptionAndRecordsASignedAcknowledgement() {
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "3000.00");
        ResponseEntity<JsonNode> view = api.asAdmin().getForEntity("/api/v1/invoices/{number}/prescription", JsonNode.class, number);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view.getBody().get("prescribedOn").asText()).isEqualTo("2031-01-31");

        ResponseEntity<JsonNode> missing = api.asAdmin().postForEntity("/api/v1/invoices/{number}/prescription/acknowledgements",
                Map.of("note", "no date"), JsonNode.class, number);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("signedOn");

        ResponseEntity<JsonNode> recorded = api.asAdmin().postForEntity("/api/v1/invoices/{number}/prescription/acknowledgements",
                Map.of("signedOn", "2026-02-20", "note", "signed at the meeting"), JsonNode.class, number);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("prescribedOn").asText()).isEqualTo("2031-02-20");
        assertThat(recorded.getBody().get("lastAct").asText()).isEqualTo("ACKNOWLEDGEMENT");
    }

    private static List<Review> mine(List<Review> raised, String... numbers) {
        List<String> ours = List.of(numbers);
        return raised.stream().filter(review -> ours.contains(review.invoiceNumber())).toList();
    }
}

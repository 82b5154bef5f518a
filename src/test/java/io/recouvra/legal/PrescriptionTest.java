package io.recouvra.legal;

import static io.recouvra.legal.LegalCaseFixtures.moveTo;
import static io.recouvra.legal.LegalCaseFixtures.startOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.legal.Prescriptions.Act;
import io.recouvra.legal.Prescriptions.Review;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
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
    void theFilingOfTheInjunctionRestartsThem() {
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "3000.00");
        fixtures.escalateToCourt(number);
        ProcessInstance legal = fixtures.legalCase(number);
        fixtures.runJobs(legal);
        fixtures.complete(legal, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        moveTo(LocalDate.of(2026, 3, 20));
        fixtures.complete(legal, "Task_FileRequest", Map.of("filedOn", "2026-03-19", "courtReference", "2026R00077"));

        assertThat(prescriptions.of(number).lastAct()).isEqualTo(Act.COURT_CLAIM);
        assertThat(prescriptions.of(number).prescribedOn()).isEqualTo(LocalDate.of(2031, 3, 19));
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

package io.recouvra.legal;

import static io.recouvra.support.ProcessScopes.execution;
import static io.recouvra.support.ProcessScopes.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.legal.LegalCases.Decision;
import io.recouvra.legal.LegalCases.ServiceDeadlines;
import io.recouvra.support.FastTest;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/**
 * The steps of legal-injunction.bpmn on their own: what a legal officer's form must hold, which use case of
 * {@link LegalCases} each step calls, and what it leaves for the model's gateways and timers.
 */
@FastTest
class LegalCaseStepsTest {

    private static final UUID CASE = UUID.fromString("0c5e0000-0000-4000-8000-00000000ca5e");

    private final LegalCases cases = mock(LegalCases.class);
    private final LegalCaseSteps steps = new LegalCaseSteps(ZoneId.of("Europe/Paris"));

    @Test
    void anApprovedReviewIsRecordedWithItsNote() throws Exception {
        steps.checkInjunctionReview(cases).notify(completing("reviewDecision", "APPROVE", "reviewNote", " looks right "));

        then(cases).should().approved(CASE, "looks right");
    }

    @Test
    void aCorrectionThatChangesNothingIsRefusedNamingTheCosts() {
        DelegateTask review = completing("reviewDecision", "CORRECT");

        assertThatThrownBy(() -> steps.checkInjunctionReview(cases).notify(review))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems()).singleElement().satisfies(problem -> assertThat(problem.field()).isEqualTo("otherCosts")));
        then(cases).should(never()).corrected(any(), any(), any(), any());
    }

    @Test
    void aCorrectionOfTheCostsIsRecordedAsAnAmount() throws Exception {
        steps.checkInjunctionReview(cases).notify(completing("reviewDecision", "CORRECT", "otherCosts", "35,5"));

        then(cases).should().corrected(CASE, new BigDecimal("35.50"), null, null);
    }

    @Test
    void aRequestSentBackSaysWhyAndThatIsWhyTheCaseEnds() throws Exception {
        DelegateTask withoutReason = completing("reviewDecision", "SEND_BACK");
        assertThatThrownBy(() -> steps.checkInjunctionReview(cases).notify(withoutReason))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("reviewNote"));

        Map<String, Object> variables = variables("reviewDecision", "SEND_BACK", "reviewNote", "the debtor moved");
        steps.checkInjunctionReview(cases).notify(task(variables));

        then(cases).should().sentBack(CASE, "the debtor moved");
        assertThat(variables).containsEntry(LegalInjunctionContract.OUTCOME_REASON, "sent back at review: the debtor moved");
    }

    @Test
    void aReviewDecisionTheFormDoesNotOfferIsRefusedByName() {
        assertThatThrownBy(() -> steps.checkInjunctionReview(cases).notify(completing("reviewDecision", "MAYBE")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("reviewDecision"));
        verifyNoInteractions(cases);
    }

    @Test
    void aGrantedOrderSetsTheServiceTimers() throws Exception {
        Date reminder = new Date(1_800_000_000_000L);
        Date lastReminder = new Date(1_810_000_000_000L);
        Date lapses = new Date(1_820_000_000_000L);
        given(cases.decided(CASE, Decision.GRANTED, LocalDate.parse("2026-11-02"), null))
                .willReturn(new ServiceDeadlines(reminder, lastReminder, lapses, LocalDate.parse("2027-05-02")));
        Map<String, Object> variables = variables("courtDecision", "GRANTED", "orderDate", "2026-11-02T00:00:00");

        steps.recordCourtDecision(cases).notify(task(variables));

        assertThat(variables).containsEntry("serviceReminderAt", reminder).containsEntry("serviceLastReminderAt", lastReminder)
                .containsEntry("serviceLapsesAt", lapses).containsEntry("serviceDeadline", "2027-05-02")
                .doesNotContainKey(LegalInjunctionContract.OUTCOME_REASON);
    }

    @Test
    void aRejectedRequestEndsTheCaseWithoutServiceTimers() throws Exception {
        Map<String, Object> variables = variables("courtDecision", "REJECTED", "orderDate", "2026-11-02");

        steps.recordCourtDecision(cases).notify(task(variables));

        assertThat(variables).containsEntry(LegalInjunctionContract.OUTCOME_REASON, "the court rejected the request")
                .doesNotContainKeys("serviceReminderAt", "serviceLapsesAt");
    }

    @Test
    void aCourtDecisionWithoutItsOrderDateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> steps.recordCourtDecision(cases).notify(completing("courtDecision", "GRANTED")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("orderDate"));
        verifyNoInteractions(cases);
    }

    @Test
    void aJudgmentIsForTheCreditorOrDismissed() throws Exception {
        assertThatThrownBy(() -> steps.recordJudgment(cases).notify(completing("judgment", "SETTLED")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("judgment"));

        Map<String, Object> dismissed = variables("judgment", "DISMISSED", "judgmentNote", "no proof of delivery");
        steps.recordJudgment(cases).notify(task(dismissed));

        then(cases).should().judged(CASE, false, null, "no proof of delivery");
        assertThat(dismissed).containsEntry(LegalInjunctionContract.OUTCOME_REASON, "the claim was dismissed on opposition");
    }

    @Test
    void theEnforcementOutcomeIsWhyTheCaseEnds() throws Exception {
        Map<String, Object> variables = variables("enforcementOutcome", "PART", "amountRecovered", "1200.00");

        steps.recordEnforcementOutcome(cases).notify(task(variables));

        then(cases).should().enforced(CASE, LegalCases.Enforcement.PART, new BigDecimal("1200.00"), null, null, null, null);
        assertThat(variables).containsEntry(LegalInjunctionContract.OUTCOME_REASON, "enforcement recovered part of the claim");
    }

    @Test
    void aRequestNothingIsOwedOnAnyMoreSaysSo() throws Exception {
        InjunctionRequests requests = mock(InjunctionRequests.class);
        given(requests.build(CASE)).willReturn(new InjunctionRequests.Built(false, BigDecimal.ZERO, "0,00 €", "Tribunal de commerce de Nantes"));
        Map<String, Object> variables = variables("invoiceNumber", "F-1", "filed", false);

        JavaDelegate build = steps.buildInjunctionRequest(requests, cases, mock(Prescriptions.class));
        build.execute(execution(variables));

        assertThat(variables).containsEntry("stillOwed", false).containsEntry("courtName", "Tribunal de commerce de Nantes")
                .containsEntry(LegalInjunctionContract.OUTCOME_REASON, "nothing is owed any more");
    }

    @Test
    void aMissingLatePaymentRateMakesTheCaseWaitInsteadOfFailing() throws Exception {
        InjunctionRequests requests = mock(InjunctionRequests.class);
        MissingLatePaymentRate missing = mock(MissingLatePaymentRate.class);
        given(missing.asBpmnError()).willReturn(new BpmnError(MissingLatePaymentRate.ERROR_CODE,
                "aucun taux de pénalités de retard n'est saisi pour le 1er semestre 2027 (semestre commençant le 2027-01-01)"));
        given(requests.build(CASE)).willThrow(missing);

        JavaDelegate build = steps.buildInjunctionRequest(requests, cases, mock(Prescriptions.class));

        assertThatThrownBy(() -> build.execute(execution(variables("invoiceNumber", "F-1"))))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(MissingLatePaymentRate.ERROR_CODE);
                    assertThat(error.getMessage()).contains("2027-01-01");
                });
    }

    @Test
    void aCaseStartedWithoutItsIdIsFoundByItsInvoice() throws Exception {
        InjunctionRequests requests = mock(InjunctionRequests.class);
        given(cases.caseOf("F-9")).willReturn(CASE);
        given(requests.build(CASE)).willReturn(new InjunctionRequests.Built(true, new BigDecimal("5040.00"), "5 040,00 €", "TC Nantes"));
        Map<String, Object> variables = new HashMap<>(Map.of("invoiceNumber", "F-9"));

        steps.buildInjunctionRequest(requests, cases, mock(Prescriptions.class)).execute(execution(variables));

        assertThat(variables).containsEntry("caseId", CASE.toString()).containsEntry("filed", false)
                .containsEntry("stillOwed", true).containsEntry("amountClaimedDisplay", "5 040,00 €");
    }

    /** A task of the case completing with these form fields. */
    private static DelegateTask completing(Object... fields) {
        return task(variables(fields));
    }

    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", CASE.toString());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}

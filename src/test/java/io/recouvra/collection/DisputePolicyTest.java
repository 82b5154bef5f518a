package io.recouvra.collection;

import static io.recouvra.support.ProcessScopes.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import io.recouvra.support.FastTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;

/** How a dispute gets its DisputePolicy terms and its review's due day, with the decision table mocked. */
@FastTest
class DisputePolicyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 23 November 2026, at noon in Paris. */
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), PARIS);

    private final DecisionService decisions = mock(DecisionService.class, RETURNS_DEEP_STUBS);
    private final CollectionCalendar calendar = new CollectionCalendar(PARIS, MONDAY);
    private final DisputePolicy policy = new DisputePolicy(decisions, calendar);

    @Test
    void aDisputeGetsTheTermsOfItsReasonsRuleAndItsReviewIsDueAfterThatManyBusinessDays() {
        tableSays("ALREADY_PAID", Map.of("reviewBusinessDays", 2, "contestDays", 15));
        Map<String, Object> dispute = new HashMap<>(Map.of("disputeReason", "ALREADY_PAID"));

        policy.notify(execution(dispute));

        assertThat(dispute).containsEntry("reviewBusinessDays", 2).containsEntry("contestDays", 15)
                .containsEntry("reviewDueAt", calendar.businessDaysAhead(2))
                .as("Tuesday and Wednesday: late from Thursday").containsEntry("reviewDueAt", startOf(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void theShippedFiveBusinessDaysMakeTheReviewLateFromTheSecondTuesday() {
        tableSays("PRICE", Map.of("reviewBusinessDays", 5, "contestDays", 10));
        Map<String, Object> dispute = new HashMap<>(Map.of("disputeReason", "PRICE"));

        policy.notify(execution(dispute));

        assertThat(dispute).containsEntry("reviewDueAt", startOf(LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aRuleThatLeavesAnOutputEmptyIsRefusedRatherThanGuessed() {
        tableSays("OTHER", Map.of("reviewBusinessDays", 5));

        assertThatThrownBy(() -> policy.notify(execution(new HashMap<>(Map.of("disputeReason", "OTHER")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DisputePolicy");
    }

    private void tableSays(String reason, Map<String, Object> outputs) {
        given(decisions.evaluateDecisionTableByKey(eq(DisputePolicy.DECISION_KEY),
                        argThat((Map<String, Object> inputs) -> reason.equals(inputs.get("disputeReason"))))
                .getSingleResult().getEntryMap()).willReturn(outputs);
    }

    private static java.util.Date startOf(LocalDate day) {
        return java.util.Date.from(day.atStartOfDay(PARIS).toInstant());
    }
}

package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CallAttempts.CallTally;
import io.recouvra.collection.CallAttempts.PromiseTally;
import io.recouvra.dashboard.TeamFigures.Member;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The team's figures per collector from the grouped rows, worked by hand:
 * <pre>
 * calls       colette  PROMISE_TO_PAY 3, NO_ANSWER 5, DISPUTE 1        → 9 calls
 *             claude   NO_ANSWER 2                                      → 2 calls
 *             ''       NO_ANSWER 4 (recorded with nobody logged in: nobody's, not shown)
 * promises    colette  KEPT 2, BROKEN 1, OPEN 0 (judged 3)              → obtained 3, kept rate 2 ÷ 3 = 66.66… = 66.7
 *             claude   none                                             → no rate
 * overdue     colette 1, claude 0; camille (a collector with no call) 4
 * </pre>
 */
@FastTest
class TeamFiguresTest {

    private final List<Member> team = TeamFigures.of(List.of("colette", "claude", "camille"),
            List.of(new CallTally("colette", "PROMISE_TO_PAY", 3), new CallTally("colette", "NO_ANSWER", 5),
                    new CallTally("colette", "DISPUTE", 1), new CallTally("claude", "NO_ANSWER", 2),
                    new CallTally("", "NO_ANSWER", 4)),
            List.of(new PromiseTally("colette", "KEPT", 2), new PromiseTally("colette", "BROKEN", 1)),
            Map.of("colette", 1L, "camille", 4L));

    @Test
    void eachCollectorByNameWithHerCallsByOutcome() {
        assertThat(team).extracting(Member::collector).containsExactly("camille", "claude", "colette");
        Member colette = team.get(2);

        assertThat(colette.calls()).isEqualTo(9);
        assertThat(colette.calls("PROMISE_TO_PAY")).isEqualTo(3);
        assertThat(colette.calls("NO_ANSWER")).isEqualTo(5);
        assertThat(colette.calls("WRONG_CONTACT")).isZero();
        assertThat(team.get(1).calls()).isEqualTo(2);
        assertThat(team.get(0).calls()).isZero();
    }

    @Test
    void thePromisesHerCallsObtainedAndHowManyWereKept() {
        Member colette = team.get(2);

        assertThat(colette.promises()).isEqualTo(3);
        assertThat(colette.kept()).isEqualTo(2);
        assertThat(colette.broken()).isEqualTo(1);
        assertThat(colette.keptRate()).contains(new BigDecimal("66.7"));
        assertThat(team.get(1).keptRate()).isEmpty();
    }

    @Test
    void herOverdueTasks() {
        assertThat(team).extracting(Member::overdueTasks).containsExactly(4L, 0L, 1L);
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/call-priority.dmn as shipped, on worked examples and on its boundaries, evaluated by the
 * engine's DMN engine alone (no database). Hit policy FIRST: the first row from the top that matches.
 */
@FastTest
class CallPriorityTableTest {

    private static DmnEngine engine;
    private static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/call-priority.dmn"))) {
            table = engine.parseDecision(CallPriority.DECISION_KEY, dmn);
        }
    }

    /**
     * Worked examples (amount overdue, oldest days, risk class, broken promises, days to the insured deadline;
     * empty = none), each row's expectation read off the table by hand, top to bottom:
     * <ul>
     * <li>1 200 € for 12 days, class B, no broken promise, not insured: no urgent row matches; not under 500,
     * so not "SmallAndRecent" → "EveryOtherCall": 40, tomorrow.</li>
     * <li>same customer, insured invoice whose declaration deadline is in 10 days: row 1 → 95, today.</li>
     * <li>in 11 days: not row 1; nothing else matches → 40, tomorrow.</li>
     * <li>12 000 € class E: row 2 → 90, today; 9 999,99 € class E: not row 2 but "RiskyCustomer" → 70, today.</li>
     * <li>two broken promises on 300 € for 5 days: row 3 → 85, today (before "SmallAndRecent").</li>
     * <li>50 000 € class A: row 4 → 80; 49 999,99 € class A for 10 days: "LargeDebt" → 55.</li>
     * <li>5 000 € for 61 days: "LargeAndOld" → 75; for 60 days: not it, not 10 000, "OldDebt" needs more than
     * 30 days → 50, follow-up in 1 day.</li>
     * <li>one broken promise, 800 € for 20 days, class C → "OnePromiseBroken" 60, today.</li>
     * <li>499,99 € for 15 days → "SmallAndRecent" 20, in 3 days; for 16 days → "EveryOtherCall" 40, in 1 day.</li>
     * <li>a customer not scored yet (no class), 2 000 € for 31 days → "OldDebt" 50, in 1 day.</li>
     * </ul>
     */
    @ParameterizedTest(name = "{0} EUR, {1} days, class {2}, {3} broken, deadline in {4} -> priority {5}, follow-up in {6}")
    @CsvSource({
            "1200, 12, B, 0, , 40, 1",
            "1200, 12, B, 0, 10, 95, 0",
            "1200, 12, B, 0, 11, 40, 1",
            "12000, 12, E, 0, , 90, 0",
            "9999.99, 12, E, 0, , 70, 0",
            "300, 5, A, 2, , 85, 0",
            "50000, 10, A, 0, , 80, 0",
            "49999.99, 10, A, 0, , 55, 0",
            "5000, 61, B, 0, , 75, 0",
            "5000, 60, B, 0, , 50, 1",
            "800, 20, C, 1, , 60, 0",
            "499.99, 15, A, 0, , 20, 3",
            "499.99, 16, A, 0, , 40, 1",
            "2000, 31, , 0, , 50, 1"})
    void ranksTheCall(double amount, int days, String riskClass, int broken, Integer deadlineDays, int priority, int followUp) {
        var facts = new CallPriority.Facts(BigDecimal.valueOf(amount), days, riskClass, broken, deadlineDays);

        Map<String, Object> outputs = engine.evaluateDecisionTable(table, facts.asInputs()).getSingleResult().getEntryMap();

        assertThat(CallPriority.rankOf(outputs)).isEqualTo(new CallPriority.Rank(priority, followUp));
    }

    @Test
    void aRuleThatLostAnOutputGivesCamundasDefaultPriorityAndTomorrow() {
        assertThat(CallPriority.rankOf(Map.of("followUpDays", 0))).isEqualTo(new CallPriority.Rank(50, 0));
        assertThat(CallPriority.rankOf(Map.of("taskPriority", 80))).isEqualTo(new CallPriority.Rank(80, 1));
        assertThat(CallPriority.rankOf(Map.of())).isEqualTo(new CallPriority.Rank(50, 1));
    }

    @Test
    void aPriorityOutsideCamundasRangeIsBroughtToItsBound() {
        assertThat(CallPriority.rankOf(Map.of("taskPriority", 120, "followUpDays", -2))).isEqualTo(new CallPriority.Rank(100, 0));
        assertThat(CallPriority.rankOf(Map.of("taskPriority", -5, "followUpDays", 2))).isEqualTo(new CallPriority.Rank(0, 2));
    }
}

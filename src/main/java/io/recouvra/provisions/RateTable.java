package io.recouvra.provisions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One version of the ProvisionRate decision, ready for a report. The table's inputs are discrete (a
 * situation, a whole number of days), so each distinct pair is evaluated once and remembered: a book of
 * 100,000 invoices needs as many evaluations as it has distinct (situation, days overdue) pairs, a few
 * hundred. Not thread-safe: one report at a time uses it.
 */
final class RateTable {

    private record Inputs(Situation situation, int daysOverdue) {
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final int version;
    private final Map<Inputs, Rate> evaluated = new HashMap<>();

    RateTable(DmnEngine engine, DmnDecision decision, int version) {
        this.engine = engine;
        this.decision = decision;
        this.version = version;
    }

    int version() {
        return version;
    }

    Rate rate(Situation situation, int daysOverdue) {
        return evaluated.computeIfAbsent(new Inputs(situation, daysOverdue), this::evaluate);
    }

    private Rate evaluate(Inputs inputs) {
        List<DmnDecisionRuleResult> results = engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("situation", inputs.situation().name())
                .putValue("daysOverdue", inputs.daysOverdue()));
        // hit policy UNIQUE: the engine already refused two matching rules; none is a gap in the table
        if (results.size() != 1 || !(results.get(0).getEntry("rate") instanceof Number rate)
                || !(results.get(0).getEntry("bucket") instanceof String bucket)) {
            throw new IllegalStateException("ProvisionRate version " + version + " gives no rate and bucket for "
                    + inputs.situation() + " at " + inputs.daysOverdue() + " days overdue: " + results);
        }
        BigDecimal percent = BigDecimal.valueOf(rate.doubleValue()).setScale(2, RoundingMode.HALF_UP);
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalStateException("ProvisionRate version " + version + " gives " + percent + " % for "
                    + inputs.situation() + " at " + inputs.daysOverdue() + " days overdue: a rate is between 0 and 100");
        }
        return new Rate(percent, bucket);
    }
}

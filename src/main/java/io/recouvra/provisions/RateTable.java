package io.recouvra.provisions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One deployed version of the provision rates: the Age bucket table (days overdue to a bucket) and the
 * Provision rate table (situation and bucket to a rate). Each FEEL evaluation parses its rules again
 * (about a millisecond for the rate table), so nothing is evaluated per invoice: the bucket once per
 * distinct number of days, the rate once per situation and bucket, both kept for as long as the version
 * is the latest (a deployed version never changes). Safe to share between reports.
 */
final class RateTable {

    private record SituationInBucket(Situation situation, String bucket) {
    }

    private final DmnEngine engine;
    private final DmnDecision ageBucket;
    private final DmnDecision provisionRate;
    private final String definitionId;
    private final int version;
    private final Map<Integer, String> buckets = new ConcurrentHashMap<>();
    private final Map<SituationInBucket, BigDecimal> rates = new ConcurrentHashMap<>();

    RateTable(DmnEngine engine, DmnDecision ageBucket, DmnDecision provisionRate, String definitionId, int version) {
        this.engine = engine;
        this.ageBucket = ageBucket;
        this.provisionRate = provisionRate;
        this.definitionId = definitionId;
        this.version = version;
    }

    String definitionId() {
        return definitionId;
    }

    int version() {
        return version;
    }

    Rate rate(Situation situation, int daysOverdue) {
        String bucket = buckets.computeIfAbsent(daysOverdue, this::bucket);
        // the rate table reads the situation and the bucket only: any invoice of the bucket gives its rate
        return new Rate(rates.computeIfAbsent(new SituationInBucket(situation, bucket), key -> percent(situation, bucket, daysOverdue)),
                bucket);
    }

    private String bucket(int daysOverdue) {
        Object bucket = single(ageBucket, daysOverdue, null, "bucket");
        if (!(bucket instanceof String label)) {
            throw new IllegalStateException("Age bucket version " + version + " gives no bucket for " + daysOverdue + " days overdue");
        }
        return label;
    }

    private BigDecimal percent(Situation situation, String bucket, int daysOverdue) {
        if (!(single(provisionRate, daysOverdue, situation, "rate") instanceof Number rate)) {
            throw new IllegalStateException("Provision rate version " + version + " gives no rate for " + situation
                    + " in the bucket '" + bucket + "' (" + daysOverdue + " days overdue)");
        }
        BigDecimal percent = BigDecimal.valueOf(rate.doubleValue()).setScale(2, RoundingMode.HALF_UP);
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalStateException("Provision rate version " + version + " gives " + percent + " % for " + situation
                    + " at " + daysOverdue + " days overdue: a rate is between 0 and 100");
        }
        return percent;
    }

    /** Hit policy UNIQUE: the engine refuses two matching rules; no matching rule is a gap in the table. */
    private Object single(DmnDecision decision, int daysOverdue, Situation situation, String output) {
        DmnDecisionResult result = engine.evaluateDecision(decision, Variables.createVariables()
                .putValue("daysOverdue", daysOverdue).putValue("situation", situation == null ? null : situation.name()));
        return result.size() == 1 ? result.get(0).get(output) : null;
    }
}

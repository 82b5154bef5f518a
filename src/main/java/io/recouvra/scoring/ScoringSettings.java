package io.recouvra.scoring;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param factors              per factor: its weight (points out of 100 when every factor is known),
 *                             the value that earns all of them ({@code good}) and the value that earns
 *                             none ({@code bad}); in between, points are proportional
 * @param classes              lowest score of classes A to D; below D's bound is E
 * @param bureauReportLifetime how long a bureau report is reused before the bureau is asked again
 * @param insolvencyCap        the highest score of a company in insolvency proceedings
 * @param noDataScore          the score of a customer of whom no factor is known (neither ledger nor bureau):
 *                             neutral, so that such a customer is neither trusted nor refused by default
 * @param latePayments         when late payments become an early warning
 * @param bureauDowngrade      points the bureau's own score must fall, from one scoring to the next, to be an
 *                             early warning
 */
@ConfigurationProperties("recouvra.scoring")
record ScoringSettings(Map<Factor, Rule> factors, Map<RiskClass, Integer> classes, Duration bureauReportLifetime,
                       int insolvencyCap, int noDataScore, LatePayments latePayments, int bureauDowngrade) {

    /** @param count this many invoices paid late within the period {@code within} is a warning */
    record LatePayments(int count, Period within) {
    }

    record Rule(int weight, double good, double bad) {

        /** The share of the weight this value earns, 0 to 1. */
        double earned(double value) {
            double share = (bad - value) / (bad - good);
            return Math.max(0, Math.min(1, share));
        }
    }

    RiskClass classOf(int score) {
        for (RiskClass riskClass : new RiskClass[] {RiskClass.A, RiskClass.B, RiskClass.C, RiskClass.D}) {
            if (score >= classes.get(riskClass)) {
                return riskClass;
            }
        }
        return RiskClass.E;
    }
}

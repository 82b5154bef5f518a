package io.recouvra.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/provision-rate.dmn, as deployed: the default buckets and rates on their boundaries, and tables without gaps. */
@RecouvraTest
class ProvisionRateTableTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    ProvisionRates rates;

    @ParameterizedTest(name = "{0} {1} days overdue -> {2} % ({3})")
    @CsvSource({
            "NORMAL, 0, 0, Not due",
            "NORMAL, 1, 0, 1-90 days",
            "NORMAL, 90, 0, 1-90 days",
            "NORMAL, 91, 25, 91-180 days",
            "NORMAL, 180, 25, 91-180 days",
            "NORMAL, 181, 50, 181-365 days",
            "NORMAL, 365, 50, 181-365 days",
            "NORMAL, 366, 100, Over 365 days",
            "DISPUTED, 0, 25, Not due",
            "DISPUTED, 91, 50, 91-180 days",
            "DISPUTED, 181, 75, 181-365 days",
            "WITH_AGENCY, 1, 40, 1-90 days",
            "WITH_AGENCY, 120, 50, 91-180 days",
            "WITH_AGENCY, 200, 75, 181-365 days",
            "IN_COURT, 30, 50, 1-90 days",
            "IN_COURT, 91, 75, 91-180 days",
            "IN_COURT, 181, 100, 181-365 days",
            "INSOLVENT, 0, 100, Not due",
            "INSOLVENT, 2000, 100, Over 365 days"})
    void givesTheRateAndTheAgeBucket(String situation, int daysOverdue, double rate, String bucket) {
        var inputs = Variables.createVariables().putValue("situation", situation).putValue("daysOverdue", daysOverdue);

        assertThat(decisions.evaluateDecisionTableByKey("AgeBucket", inputs).getSingleResult().getEntryMap())
                .containsEntry("bucket", bucket);
        // the rate table asks the age table for the bucket (decision requirements graph)
        assertThat(decisions.evaluateDecisionTableByKey("ProvisionRate", inputs).getSingleResult().getEntryMap())
                .containsEntry("rate", rate);
    }

    /**
     * Every situation at every age up to two years has exactly one rule (the report fails on a gap), and
     * the defaults never provision less for an older invoice or a stronger situation.
     */
    @Test
    void everySituationAndAgeHasOneRateThatGrowsWithAgeAndWithTheSituation() {
        RateTable table = rates.latest();
        Situation[] strongestFirst = Situation.values();
        for (int days = 0; days <= 730; days++) {
            for (int s = 0; s < strongestFirst.length; s++) {
                BigDecimal rate = table.rate(strongestFirst[s], days).percent();
                assertThat(rate).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
                if (days > 0) {
                    assertThat(rate).as(strongestFirst[s] + " at " + days + " days")
                            .isGreaterThanOrEqualTo(table.rate(strongestFirst[s], days - 1).percent());
                }
                if (s > 0) {
                    assertThat(rate).as(strongestFirst[s] + " at " + days + " days, below " + strongestFirst[s - 1])
                            .isLessThanOrEqualTo(table.rate(strongestFirst[s - 1], days).percent());
                }
            }
        }
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/payment-plan-policy.dmn, as deployed, on its boundaries. */
@RecouvraTest
class PaymentPlanPolicyTableTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "class {0}, {1} EUR over {2} months, smallest {3}, insured {4} -> allowed {5}, approval {6}, escalate when broken {7}, interest {8}")
    @CsvSource({
            "A, 2000, 12, 100, false, true, true, false, WAIVED_IF_KEPT",
            "A, 2000, 13, 100, false, false, false, false, WAIVED_IF_KEPT",
            "A, 2000, 6, 50, false, true, false, false, WAIVED_IF_KEPT",
            "A, 2000, 6, 49.99, false, false, false, false, WAIVED_IF_KEPT",
            "E, 2000, 2, 1000, false, false, false, false, WAIVED_IF_KEPT",
            "D, 2000, 2, 1000, false, true, true, true, CHARGED",
            "B, 9999.99, 6, 1000, false, true, false, false, WAIVED_IF_KEPT",
            "B, 10000, 6, 1000, false, true, true, true, CHARGED",
            "B, 2000, 7, 100, false, true, true, false, WAIVED_IF_KEPT",
            "B, 2000, 3, 100, true, true, false, false, WAIVED_IF_KEPT",
            "B, 2000, 4, 100, true, true, true, false, WAIVED_IF_KEPT"})
    void decidesWhetherAPlanMayBeOfferedAndWhoApproves(String riskClass, double total, int months, double smallest,
                                                        boolean insured, boolean allowed, boolean approval, boolean escalate,
                                                        String lateInterest) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("PaymentPlanPolicy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("planTotal", total).putValue("planMonths", months)
                        .putValue("smallestInstalment", smallest).putValue("insured", insured))
                .getSingleResult().getEntryMap();

        assertThat(result.get("planAllowed")).isEqualTo(allowed);
        assertThat(result.get("planApprovalNeeded")).isEqualTo(approval);
        assertThat((String) result.get("planPolicyReason")).isNotBlank();
        assertThat(result.get("escalateWhenBroken")).isEqualTo(escalate);
        assertThat(result.get("lateInterest")).isEqualTo(lateInterest);
    }

    /** How long the debtor has to accept an offered plan (payment-plan.bpmn's Timer_NotAccepted): 7 days as shipped. */
    @ParameterizedTest(name = "class {0}, {1} EUR over {2} months, smallest {3}, insured {4} -> {5} days to accept")
    @CsvSource({
            "A, 2000, 12, 100, false, 7",
            "A, 2000, 13, 100, false, 7",
            "D, 2000, 2, 1000, false, 7",
            "B, 10000, 6, 1000, false, 7",
            "B, 2000, 3, 100, true, 7"})
    void givesTheDaysToAccept(String riskClass, double total, int months, double smallest, boolean insured, int days) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("PaymentPlanPolicy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("planTotal", total).putValue("planMonths", months)
                        .putValue("smallestInstalment", smallest).putValue("insured", insured))
                .getSingleResult().getEntryMap();

        assertThat(((Number) result.get("acceptanceDays")).intValue()).isEqualTo(days);
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/escalation-route.dmn, as deployed, on its boundaries. */
@RecouvraTest
class EscalationRouteTableTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "insured={0} insolvent={1} owes {2} EUR score {3} {4} days disputes {5} agency {6} court {7} -> {8}")
    @CsvSource({
            "true, true, 100, 10, 30, 3, 2, 1, CREDIT_INSURANCE_CLAIM",
            "false, true, 100000, 90, 30, 0, 0, 0, WRITE_OFF_PROPOSAL",
            "false, false, 100000, 90, 30, 0, 1, 1, WRITE_OFF_PROPOSAL",
            "false, false, 249.99, 90, 400, 0, 0, 0, WRITE_OFF_PROPOSAL",
            "false, false, 250, 90, 60, 0, 0, 0, AGENCY",
            "false, false, 1500, 90, 60, 0, 1, 0, LEGAL_INJUNCTION",
            "false, false, 1499.99, 90, 60, 0, 1, 0, WRITE_OFF_PROPOSAL",
            "false, false, 20000, 90, 60, 1, 0, 0, AGENCY",
            "false, false, 10000, 50, 60, 0, 0, 0, LEGAL_INJUNCTION",
            "false, false, 9999.99, 50, 60, 0, 0, 0, AGENCY",
            "false, false, 10000, 49, 60, 0, 0, 0, AGENCY",
            "false, false, 1500, 20, 366, 0, 0, 0, LEGAL_INJUNCTION",
            "false, false, 1500, 20, 365, 0, 0, 0, AGENCY",
            "false, false, 1499.99, 20, 400, 0, 0, 0, AGENCY"})
    void choosesTheRoute(boolean insured, boolean insolvent, double owed, int score, int daysOverdue, int disputes,
                         int agencyAttempts, int legalAttempts, String route) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("EscalationRoute", Variables.createVariables()
                        .putValue("insured", insured).putValue("insolvencyProceedings", insolvent)
                        .putValue("totalOwed", owed).putValue("score", score).putValue("daysOverdue", daysOverdue)
                        .putValue("disputes", disputes).putValue("agencyAttempts", agencyAttempts)
                        .putValue("legalAttempts", legalAttempts).putValue("guaranteeCovers", false))
                .getSingleResult().getEntryMap();

        assertThat(result.get("route")).isEqualTo(route);
        assertThat((String) result.get("routeReason")).isNotBlank();
    }

    /**
     * A valid guarantee that covers the debt is called before an agency or a court, and even below the cost of
     * recovery (a letter costs little); the insurer's claim and insolvency proceedings come first.
     */
    @ParameterizedTest(name = "insured={0} insolvent={1} owes {2} EUR agency {3} court {4} guarantee={5} -> {6}")
    @CsvSource({
            "false, false, 8000, 0, 0, true, GUARANTEE_CALL",
            "false, false, 100, 0, 0, true, GUARANTEE_CALL",
            "false, false, 20000, 1, 1, true, GUARANTEE_CALL",
            "false, false, 8000, 0, 0, false, AGENCY",
            "true, false, 8000, 0, 0, true, CREDIT_INSURANCE_CLAIM",
            "false, true, 8000, 0, 0, true, WRITE_OFF_PROPOSAL"})
    void callsAValidGuaranteeThatCoversTheDebt(boolean insured, boolean insolvent, double owed, int agencyAttempts, int legalAttempts,
                                               boolean guaranteeCovers, String route) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("EscalationRoute", Variables.createVariables()
                        .putValue("insured", insured).putValue("insolvencyProceedings", insolvent)
                        .putValue("totalOwed", owed).putValue("score", 60).putValue("daysOverdue", 60)
                        .putValue("disputes", 0).putValue("agencyAttempts", agencyAttempts)
                        .putValue("legalAttempts", legalAttempts).putValue("guaranteeCovers", guaranteeCovers))
                .getSingleResult().getEntryMap();

        assertThat(result.get("route")).isEqualTo(route);
    }

    /** The manager-approval threshold the process reads (Gateway_ApprovalNeeded): 5,000 EUR as shipped, on every route. */
    @ParameterizedTest(name = "insured={0} insolvent={1} owes {2} EUR agency {3} court {4} -> approval from {5} EUR")
    @CsvSource({
            "true, false, 100, 0, 0, 5000",
            "false, true, 100000, 0, 0, 5000",
            "false, false, 100000, 1, 1, 5000",
            "false, false, 249.99, 0, 0, 5000",
            "false, false, 250, 0, 0, 5000",
            "false, false, 10000, 0, 0, 5000"})
    void namesTheApprovalThreshold(boolean insured, boolean insolvent, double owed, int agencyAttempts,
                                   int legalAttempts, double threshold) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("EscalationRoute", Variables.createVariables()
                        .putValue("insured", insured).putValue("insolvencyProceedings", insolvent)
                        .putValue("totalOwed", owed).putValue("score", 50).putValue("daysOverdue", 60)
                        .putValue("disputes", 0).putValue("agencyAttempts", agencyAttempts)
                        .putValue("legalAttempts", legalAttempts).putValue("guaranteeCovers", false))
                .getSingleResult().getEntryMap();

        assertThat(((Number) result.get("approvalThreshold")).doubleValue()).isEqualTo(threshold);
    }

    /** How long a refused escalation waits before it is reassessed (Timer_ReassessEscalation): 30 days as shipped. */
    @ParameterizedTest(name = "insured={0} insolvent={1} owes {2} EUR agency {3} court {4} -> reassess after {5} days")
    @CsvSource({
            "true, false, 100, 0, 0, 30",
            "false, true, 100000, 0, 0, 30",
            "false, false, 100000, 1, 1, 30",
            "false, false, 249.99, 0, 0, 30",
            "false, false, 250, 0, 0, 30",
            "false, false, 10000, 0, 0, 30"})
    void givesTheReassessmentDelay(boolean insured, boolean insolvent, double owed, int agencyAttempts,
                                   int legalAttempts, int days) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("EscalationRoute", Variables.createVariables()
                        .putValue("insured", insured).putValue("insolvencyProceedings", insolvent)
                        .putValue("totalOwed", owed).putValue("score", 50).putValue("daysOverdue", 60)
                        .putValue("disputes", 0).putValue("agencyAttempts", agencyAttempts)
                        .putValue("legalAttempts", legalAttempts).putValue("guaranteeCovers", false))
                .getSingleResult().getEntryMap();

        assertThat(result.get("reassessmentDays")).isEqualTo(days);
    }
}

package io.recouvra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/credit-policy.dmn, as deployed, on its boundaries. */
@RecouvraTest
class CreditPolicyTableTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "class {0}, {1} EUR, {2} months, {3} -> limit {4}, {5} days, {7}, approval {8}")
    @CsvSource({
            // class, requested, age, sector, limit, days, basis, guarantee, approval
            "A, 100000, 36, RETAIL, 100000, 60, DAYS_FROM_INVOICE, NONE, false",
            "A, 100000.01, 36, RETAIL, 100000.01, 60, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            "B, 50000, 36, RETAIL, 50000, 45, END_OF_MONTH, NONE, false",
            "B, 50000.01, 36, RETAIL, 50000.01, 45, END_OF_MONTH, CREDIT_INSURANCE, true",
            "C, 20000, 12, RETAIL, 20000, 30, DAYS_FROM_INVOICE, NONE, false",
            "C, 20000.01, 12, RETAIL, 20000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "C, 15000, 11, RETAIL, 10000, 30, DAYS_FROM_INVOICE, DEPOSIT, true",
            "C, 5000, 11, RETAIL, 5000, 30, DAYS_FROM_INVOICE, DEPOSIT, true",
            "C, 5000, 36, CONSTRUCTION, 5000, 30, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            "D, 3000, 36, RETAIL, 3000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "D, 8000, 36, RETAIL, 5000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "E, 8000, 36, RETAIL, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true"})
    void decidesTheCreditTerms(String riskClass, double requested, int ageMonths, String sector, double limit, int days,
                               String basis, String guarantee, boolean approval) {
        Map<String, Object> terms = decisions.evaluateDecisionTableByKey("CreditPolicy", Variables.createVariables()
                .putValue("riskClass", riskClass).putValue("requestedAmount", requested)
                .putValue("customerAgeMonths", ageMonths).putValue("sector", sector)).getSingleResult().getEntryMap();

        assertThat(((Number) terms.get("creditLimit")).doubleValue()).isEqualTo(limit);
        assertThat(((Number) terms.get("maxPaymentDays")).intValue()).isEqualTo(days);
        assertThat(terms.get("paymentTermsBasis")).isEqualTo(basis);
        assertThat(terms.get("guarantee")).isEqualTo(guarantee);
        assertThat(terms.get("approvalNeeded")).isEqualTo(approval);
    }

    @ParameterizedTest(name = "class {0}")
    @CsvSource({"A", "B", "C", "D", "E"})
    void paymentTermsNeverGoBeyondTheLegalCaps(String riskClass) {
        for (double requested : new double[] {1, 20_000, 50_001, 1_000_000}) {
            for (int age : new int[] {0, 11, 12, 120}) {
                Map<String, Object> terms = decisions.evaluateDecisionTableByKey("CreditPolicy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("requestedAmount", requested)
                        .putValue("customerAgeMonths", age).putValue("sector", "CONSTRUCTION")).getSingleResult().getEntryMap();
                int days = ((Number) terms.get("maxPaymentDays")).intValue();
                // 60 days from the invoice date, or 45 days end of month (French commercial code)
                assertThat(days).isLessThanOrEqualTo("END_OF_MONTH".equals(terms.get("paymentTermsBasis")) ? 45 : 60);
            }
        }
    }
}

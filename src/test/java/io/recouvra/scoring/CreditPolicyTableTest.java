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

    @ParameterizedTest(name = "class {0}, {1} EUR, {2} months, {3}, cover {4} -> limit {5}, {6} days, {8}, approval {9}")
    @CsvSource({
            // class, requested, age, sector, insurer's cover, limit, days, basis, guarantee, approval
            "A, 100000, 36, RETAIL, NONE, 100000, 60, DAYS_FROM_INVOICE, NONE, false",
            "A, 100000.01, 36, RETAIL, NONE, 100000.01, 60, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            "B, 50000, 36, RETAIL, NONE, 50000, 45, END_OF_MONTH, NONE, false",
            "B, 50000.01, 36, RETAIL, NONE, 50000.01, 45, END_OF_MONTH, CREDIT_INSURANCE, true",
            "C, 20000, 12, RETAIL, NONE, 20000, 30, DAYS_FROM_INVOICE, NONE, false",
            "C, 20000.01, 12, RETAIL, NONE, 20000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "C, 15000, 11, RETAIL, NONE, 10000, 30, DAYS_FROM_INVOICE, DEPOSIT, true",
            "C, 5000, 11, RETAIL, NONE, 5000, 30, DAYS_FROM_INVOICE, DEPOSIT, true",
            "C, 5000, 36, CONSTRUCTION, NONE, 5000, 30, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            "D, 3000, 36, RETAIL, NONE, 3000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "D, 8000, 36, RETAIL, NONE, 5000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "E, 8000, 36, RETAIL, NONE, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true",
            // the credit insurer withdrew or refused its cover: even a class A buyer is guaranteed and decided on
            "A, 100000, 36, RETAIL, WITHDRAWN, 5000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "B, 3000, 36, RETAIL, REFUSED, 3000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "B, 3000, 36, RETAIL, REDUCED, 3000, 45, END_OF_MONTH, NONE, false",
            "E, 8000, 36, RETAIL, WITHDRAWN, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true"})
    void decidesTheCreditTerms(String riskClass, double requested, int ageMonths, String sector, String cover, double limit, int days,
                               String basis, String guarantee, boolean approval) {
        Map<String, Object> terms = decisions.evaluateDecisionTableByKey("CreditPolicy", Variables.createVariables()
                .putValue("riskClass", riskClass).putValue("requestedAmount", requested)
                .putValue("customerAgeMonths", ageMonths).putValue("sector", sector).putValue("insurerCover", cover))
                .getSingleResult().getEntryMap();

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
                        .putValue("customerAgeMonths", age).putValue("sector", "CONSTRUCTION").putValue("insurerCover", "NONE"))
                        .getSingleResult().getEntryMap();
                int days = ((Number) terms.get("maxPaymentDays")).intValue();
                // 60 days from the invoice date, or 45 days end of month (French commercial code)
                assertThat(days).isLessThanOrEqualTo("END_OF_MONTH".equals(terms.get("paymentTermsBasis")) ? 45 : 60);
            }
        }
    }
}

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
            // class, requested, age, sector, insurer's cover, limit, days, basis, guarantee, approval (nothing owed)
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
            "D, 0, 36, RETAIL, NONE, 0, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "E, 8000, 36, RETAIL, NONE, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true",
            // the credit insurer withdrew or refused its cover: even a class A buyer is guaranteed and decided on
            "A, 100000, 36, RETAIL, WITHDRAWN, 5000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "B, 3000, 36, RETAIL, REFUSED, 3000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            "B, 3000, 36, RETAIL, REDUCED, 3000, 45, END_OF_MONTH, NONE, false",
            "E, 8000, 36, RETAIL, WITHDRAWN, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true"})
    void decidesTheCreditTerms(String riskClass, double requested, int ageMonths, String sector, String cover, double limit, int days,
                               String basis, String guarantee, boolean approval) {
        assertTerms(evaluate(riskClass, requested, 0, 0, ageMonths, sector, cover), limit, days, basis, guarantee, approval);
    }

    /**
     * The amounts are decided on their unsecured part: the limit asked less what valid guarantees secure of what is
     * owed now, and what is owed now unsecured; a capped limit gets the secured part on top. Each figure by hand.
     */
    @ParameterizedTest(name = "class {0}, {1} EUR asked, owes {2} unsecured and {3} secured, {4} months, {5}, cover {6} -> limit {7}, {10}, approval {11}")
    @CsvSource({
            // class, requested, owed unsecured, owed secured, age, sector, cover, limit, days, basis, guarantee, approval
            // 120,000 - 40,000 secured = 80,000 unsecured <= 100,000: as asked, no approval (without it: insured, approval)
            "A, 120000, 0, 40000, 36, RETAIL, NONE, 120000, 60, DAYS_FROM_INVOICE, NONE, false",
            // 120,000 - 19,999.99 = 100,000.01 unsecured > 100,000: insured, approval
            "A, 120000, 0, 19999.99, 36, RETAIL, NONE, 120000, 60, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            // 50,000 asked, but 100,000.01 already owed unsecured > 100,000: insured, approval
            "A, 50000, 100000.01, 0, 36, RETAIL, NONE, 50000, 60, DAYS_FROM_INVOICE, CREDIT_INSURANCE, true",
            // 75,000 - 30,000 = 45,000 unsecured <= 50,000, 15,000 owed unsecured <= 50,000: as asked
            "B, 75000, 15000, 30000, 36, RETAIL, NONE, 75000, 45, END_OF_MONTH, NONE, false",
            // 80,000 - 30,000 = 50,000 <= 50,000, but 50,000.01 owed unsecured > 50,000: insured, approval
            "B, 80000, 50000.01, 30000, 36, RETAIL, NONE, 80000, 45, END_OF_MONTH, CREDIT_INSURANCE, true",
            // 30,000 - 15,000 = 15,000 unsecured <= 20,000: as asked
            "C, 30000, 5000, 15000, 36, RETAIL, NONE, 30000, 30, DAYS_FROM_INVOICE, NONE, false",
            // 50,000 - 10,000 = 40,000 > 20,000: 20,000 unsecured + 10,000 secured = 30,000, bank guarantee, approval
            "C, 50000, 0, 10000, 36, RETAIL, NONE, 30000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            // 10,000 asked, 25,000 owed unsecured > 20,000: min(10,000; 20,000 + 0) = 10,000, bank guarantee, approval
            "C, 10000, 25000, 0, 36, RETAIL, NONE, 10000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            // new customer: min(15,000; 10,000 + 2,000) = 12,000 against a deposit, approval
            "C, 15000, 0, 2000, 11, RETAIL, NONE, 12000, 30, DAYS_FROM_INVOICE, DEPOSIT, true",
            // fully secured (8,000 - 8,000 = 0 asked unsecured, nothing owed unsecured): as asked, no approval
            "C, 8000, 0, 8000, 11, RETAIL, NONE, 8000, 30, DAYS_FROM_INVOICE, NONE, false",
            "C, 5000, 0, 5000, 36, CONSTRUCTION, NONE, 5000, 30, DAYS_FROM_INVOICE, NONE, false",
            "D, 8000, 0, 10000, 36, RETAIL, NONE, 8000, 30, DAYS_FROM_INVOICE, NONE, false",
            // 500 owed unsecured: not fully secured; min(8,000; 5,000 + 10,000) = 8,000, bank guarantee, approval
            "D, 8000, 500, 10000, 36, RETAIL, NONE, 8000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            // 20,000 - 10,000 = 10,000 unsecured: min(20,000; 5,000 + 10,000) = 15,000, bank guarantee, approval
            "D, 20000, 0, 10000, 36, RETAIL, NONE, 15000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true",
            // class E stays cash in advance, however secured
            "E, 8000, 0, 10000, 36, RETAIL, NONE, 0, 0, CASH_IN_ADVANCE, DEPOSIT, true",
            // the insurer withdrew: a credit manager decides, on min(20,000; 5,000 + 20,000) = 20,000
            "B, 20000, 0, 20000, 36, RETAIL, WITHDRAWN, 20000, 30, DAYS_FROM_INVOICE, BANK_GUARANTEE, true"})
    void decidesOnTheUnsecuredPart(String riskClass, double requested, double owedUnsecured, double owedSecured, int ageMonths,
                                   String sector, String cover, double limit, int days, String basis, String guarantee,
                                   boolean approval) {
        assertTerms(evaluate(riskClass, requested, owedUnsecured, owedSecured, ageMonths, sector, cover), limit, days, basis,
                guarantee, approval);
    }

    private Map<String, Object> evaluate(String riskClass, double requested, double owedUnsecured, double owedSecured, int ageMonths,
                                         String sector, String cover) {
        return decisions.evaluateDecisionTableByKey("CreditPolicy", Variables.createVariables()
                .putValue("riskClass", riskClass).putValue("requestedAmount", requested)
                .putValue("unsecuredExposure", owedUnsecured).putValue("securedExposure", owedSecured)
                .putValue("customerAgeMonths", ageMonths).putValue("sector", sector).putValue("insurerCover", cover))
                .getSingleResult().getEntryMap();
    }

    private static void assertTerms(Map<String, Object> terms, double limit, int days, String basis, String guarantee,
                                    boolean approval) {
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
                for (double secured : new double[] {0, 1, 20_000, 1_000_000}) {
                    Map<String, Object> terms = evaluate(riskClass, requested, 0, secured, age, "CONSTRUCTION", "NONE");
                    int days = ((Number) terms.get("maxPaymentDays")).intValue();
                    // 60 days from the invoice date, or 45 days end of month (French commercial code)
                    assertThat(days).isLessThanOrEqualTo("END_OF_MONTH".equals(terms.get("paymentTermsBasis")) ? 45 : 60);
                }
            }
        }
    }
}

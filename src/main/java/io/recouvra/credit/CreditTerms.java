package io.recouvra.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The CreditPolicy decision's result, as the process carries it in {@code creditTerms}. */
record CreditTerms(BigDecimal limit, int paymentDays, String basis, String guarantee, boolean approvalNeeded) {

    @SuppressWarnings("unchecked")
    static CreditTerms from(Object creditTerms) {
        Map<String, Object> terms = (Map<String, Object>) creditTerms;
        return new CreditTerms(BigDecimal.valueOf(((Number) terms.get("creditLimit")).doubleValue()).setScale(2, RoundingMode.HALF_UP),
                ((Number) terms.get("maxPaymentDays")).intValue(), (String) terms.get("paymentTermsBasis"),
                (String) terms.get("guarantee"), Boolean.TRUE.equals(terms.get("approvalNeeded")));
    }

    String describe() {
        return "CASH_IN_ADVANCE".equals(basis) ? "cash in advance, guarantee " + guarantee
                : paymentDays + " days (" + basis.toLowerCase().replace('_', ' ') + "), guarantee " + guarantee;
    }
}

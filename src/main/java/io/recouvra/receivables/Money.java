package io.recouvra.receivables;

import io.recouvra.web.FieldProblem;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Checks on amounts that bean validation cannot make alone: the currency exists and fits the amount. */
final class Money {

    private Money() {
    }

    static void check(String amountField, BigDecimal amount, String currencyField, String currencyCode,
                      List<FieldProblem> problems) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(currencyField, "'" + currencyCode + "' is not an ISO 4217 currency"));
            return;
        }
        if (amount.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            problems.add(new FieldProblem(amountField, currencyCode + " amounts have at most "
                    + currency.getDefaultFractionDigits() + " decimals"));
        }
    }
}

package io.recouvra.receivables;

import io.recouvra.web.FieldProblem;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Amounts as the ledger keeps them: a real ISO currency, and exactly its number of decimals. */
final class Money {

    private Money() {
    }

    /** Records why the amount does not fit the currency, if it does not. */
    static void check(String amountField, BigDecimal amount, String currencyField, String currencyCode,
                      List<FieldProblem> problems) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(currencyField, "'" + currencyCode + "' is not an ISO 4217 currency"));
            return;
        }
        if (amount.stripTrailingZeros().scale() > decimals(currency)) {
            problems.add(new FieldProblem(amountField, currencyCode + " amounts have at most "
                    + decimals(currency) + " decimals"));
        }
    }

    /** {@code 1200} EUR becomes {@code 1200.00}; call after {@link #check} found no problem. */
    static BigDecimal normalize(BigDecimal amount, String currencyCode) {
        return amount.setScale(decimals(Currency.getInstance(currencyCode)));
    }

    private static int decimals(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}

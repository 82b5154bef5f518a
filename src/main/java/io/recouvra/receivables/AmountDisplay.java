package io.recouvra.receivables;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as the staff read them in Tasklist: "1 234,56 €". */
public final class AmountDisplay {

    private AmountDisplay() {
    }

    public static String of(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        format.setCurrency(Currency.getInstance(currency));
        // the French format uses narrow no-break spaces, which some fonts and terminals show as boxes
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}

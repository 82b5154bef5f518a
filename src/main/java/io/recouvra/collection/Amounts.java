package io.recouvra.collection;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Amounts as collectors read them in Tasklist: "1 234,56 €". */
@Component
class Amounts {

    private static final Locale FRENCH = Locale.FRANCE;

    String display(BigDecimal amount, String currency) {
        // the French format uses narrow no-break spaces, which some fonts and terminals show as boxes
        return Texts.money(amount, currency, FRENCH).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}

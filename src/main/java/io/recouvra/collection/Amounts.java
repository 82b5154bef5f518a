package io.recouvra.collection;

import io.recouvra.receivables.AmountDisplay;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Amounts as collectors read them in Tasklist: "1 234,56 €". */
@Component
class Amounts {

    String display(BigDecimal amount, String currency) {
        return AmountDisplay.of(amount, currency);
    }
}

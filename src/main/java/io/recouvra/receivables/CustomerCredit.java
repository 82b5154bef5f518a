package io.recouvra.receivables;

import java.math.BigDecimal;

/** Money a customer paid that no invoice has taken yet. */
public record CustomerCredit(String currency, BigDecimal amount) {
}

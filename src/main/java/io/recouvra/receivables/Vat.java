package io.recouvra.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The VAT included in the ledger's amounts. Invoices are registered with their total including VAT
 * (what the debtor owes and what late-payment interest runs on); the accountant's figures (provisions,
 * VAT recovery on a written-off debt) need the part without VAT. Invoices do not carry their own VAT
 * breakdown yet, so the standard rate applies to all of them.
 *
 * @param standardRate the VAT rate in percent (France: 20)
 */
@ConfigurationProperties("recouvra.accounting.vat")
public record Vat(BigDecimal standardRate) {

    /** The VAT inside an amount that includes it: amount × rate / (100 + rate), to the cent. */
    public BigDecimal includedIn(BigDecimal amountIncludingVat) {
        return amountIncludingVat.multiply(standardRate)
                .divide(BigDecimal.valueOf(100).add(standardRate), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal excludedFrom(BigDecimal amountIncludingVat) {
        return amountIncludingVat.subtract(includedIn(amountIncludingVat));
    }
}

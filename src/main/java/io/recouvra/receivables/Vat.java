package io.recouvra.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default for an invoice registered without its own VAT breakdown (an API request or a CSV line
 * without amountExclVat and vat): its VAT is derived at the standard rate and the invoice is flagged
 * {@code vatDerived}, so that no one mistakes it for the invoice's own figures. Every other reader
 * (provisions, write-offs, the court request) uses the invoice's own VAT.
 *
 * @param standardRate the VAT rate in percent (France: 20)
 */
@ConfigurationProperties("recouvra.accounting.vat")
record Vat(BigDecimal standardRate) {

    /** VAT = amount × rate / (100 + rate), half up to the amount's decimals; the rest is the amount excluding VAT. */
    VatBreakdown derivedFrom(BigDecimal amountIncludingVat) {
        BigDecimal vat = amountIncludingVat.multiply(standardRate)
                .divide(BigDecimal.valueOf(100).add(standardRate), amountIncludingVat.scale(), RoundingMode.HALF_UP);
        return new VatBreakdown(amountIncludingVat, amountIncludingVat.subtract(vat), vat, true);
    }
}

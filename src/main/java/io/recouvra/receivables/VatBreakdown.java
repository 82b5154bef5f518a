package io.recouvra.receivables;

import java.math.BigDecimal;

/**
 * An invoice's amount due (including VAT) split into its amount excluding VAT and its VAT.
 *
 * @param derived the invoice did not give it: it was worked out at the standard rate ({@link Vat})
 */
record VatBreakdown(BigDecimal amount, BigDecimal amountExclVat, BigDecimal vat, boolean derived) {

    /** A sum outside the scope of VAT, such as late-payment interest and the recovery indemnity. */
    static VatBreakdown noVat(BigDecimal amount) {
        return new VatBreakdown(amount, amount, BigDecimal.ZERO.setScale(amount.scale()), false);
    }
}

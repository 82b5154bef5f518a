package io.recouvra.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An invoice's early-payment discount (escompte pour paiement anticipé): {@code rate} percent off the amount
 * including VAT for a payment whose value date is on or before {@code until}. The one place where the
 * discount is worked out, so that the reminders, the portal and the ledger agree to the cent.
 *
 * @param rate  percent, above 0 and at most {@link #MAX_RATE} (2.00 for 2 %)
 * @param until the last value date that earns the discount, between the issue date and the due date
 */
public record EarlyPaymentDiscount(BigDecimal rate, LocalDate until) {

    /** French practice is 0.5 % to 3 %; a higher rate is almost always a typo for another rate (VAT, interest). */
    public static final BigDecimal MAX_RATE = new BigDecimal("10.00");

    /** A payment with this value date earns the discount. */
    public boolean appliesOn(LocalDate valueDate) {
        return !valueDate.isAfter(until);
    }

    /** The discount on {@code base} (an amount including VAT): base × rate / 100, half up to the base's decimals. */
    public BigDecimal on(BigDecimal base) {
        return base.multiply(rate).divide(BigDecimal.valueOf(100), base.scale(), RoundingMode.HALF_UP);
    }
}

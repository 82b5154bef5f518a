package io.recouvra.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stretch of late days with one unpaid amount and one annual rate (percent).
 *
 * @param interest                  what the stretch bore, unrounded
 * @param amount                    its share of the rounded total, in cents: the rounded running total at its
 *                                  end less the rounded running total before it, so the lines of a breakdown add
 *                                  up to the total exactly
 * @param raisedFromContractualRate the contract's rate when it was under the half-year's floor (three times the
 *                                  legal interest rate) and {@code annualRate} is that floor instead; null otherwise
 */
public record InterestPeriod(LocalDate from, LocalDate to, long days, BigDecimal unpaid, BigDecimal annualRate,
                             BigDecimal interest, BigDecimal amount, BigDecimal raisedFromContractualRate) {

    public boolean raisedToFloor() {
        return raisedFromContractualRate != null;
    }
}

package io.recouvra.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stretch of late days with one unpaid amount and one annual rate (percent), and the interest it bore,
 * unrounded: the claim rounds once per invoice.
 */
public record InterestPeriod(LocalDate from, LocalDate to, long days, BigDecimal unpaid, BigDecimal annualRate,
                             BigDecimal interest) {
}

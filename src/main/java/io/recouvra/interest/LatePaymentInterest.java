package io.recouvra.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Late-payment interest on one invoice, to the day. It runs from the day after the due date on what
 * was still unpaid each day: a payment stops it on its own value date's share from the day after, so
 * an invoice paid one day late bears one day. Credit notes correct the invoice itself and are taken off
 * from the start. Each half-year bears its own rate; interest is counted in exact days over a
 * 365-day year, leap years included (the usual reading of L. 441-10's annual rate, as the Banque de France
 * and bpifrance compute it), and rounded to the cent once, at the end. Each period's printed amount is
 * its share of that one rounding: the rounded running total at its end less the rounded running total
 * before it, so the lines add up to the total to the cent.
 */
final class LatePaymentInterest {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Breakdown(List<InterestPeriod> periods, BigDecimal total) {
    }

    record Settlement(LocalDate valueDate, BigDecimal amount) {
    }

    private LatePaymentInterest() {
    }

    /**
     * @param owed        the invoice amount less its credit notes, what could have been paid on the due date
     * @param settlements payments allocated to the invoice, in any order
     * @param rates       the half-year rates, by the half-year's first day
     */
    static Breakdown compute(LocalDate dueDate, BigDecimal owed, List<Settlement> settlements,
                             BigDecimal contractualRate, LocalDate asOf, Function<LocalDate, HalfYearRate> rates) {
        List<InterestPeriod> periods = new ArrayList<>();
        BigDecimal exactTotal = BigDecimal.ZERO;
        BigDecimal roundedSoFar = BigDecimal.ZERO.setScale(2);
        LocalDate day = dueDate.plusDays(1);
        while (!day.isAfter(asOf)) {
            BigDecimal unpaid = owed.subtract(paidBefore(day, settlements));
            if (unpaid.signum() <= 0) {
                break;
            }
            HalfYearRate rate = rates.apply(HalfYearRate.startOf(day));
            LocalDate to = min(min(asOf, rate.end()), nextValueDate(day, settlements));
            long days = ChronoUnit.DAYS.between(day, to) + 1;
            BigDecimal annualRate = rate.rateFor(contractualRate);
            BigDecimal interest = unpaid.multiply(annualRate).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), 10, RoundingMode.HALF_UP);
            exactTotal = exactTotal.add(interest);
            BigDecimal roundedTotal = exactTotal.setScale(2, RoundingMode.HALF_UP);
            periods.add(new InterestPeriod(day, to, days, unpaid, annualRate, interest, roundedTotal.subtract(roundedSoFar),
                    rate.raisesToFloor(contractualRate) ? contractualRate : null));
            roundedSoFar = roundedTotal;
            day = to.plusDays(1);
        }
        return new Breakdown(periods, roundedSoFar);
    }

    private static BigDecimal paidBefore(LocalDate day, List<Settlement> settlements) {
        return settlements.stream().filter(s -> s.valueDate().isBefore(day)).map(Settlement::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A payment valued on day P still leaves P itself unpaid: the unpaid amount changes from P + 1. */
    private static LocalDate nextValueDate(LocalDate day, List<Settlement> settlements) {
        return settlements.stream().map(Settlement::valueDate).filter(valueDate -> !valueDate.isBefore(day))
                .min(LocalDate::compareTo).orElse(LocalDate.MAX);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

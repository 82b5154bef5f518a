package io.recouvra.interest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;

/**
 * The rates of one half-year (1 January–30 June or 1 July–31 December), as article L. 441-10 of the
 * Code de commerce reads them: the ECB main refinancing rate in force on the half-year's first day
 * plus 10 points, and a floor of three times the legal interest rate that no rate, agreed or not,
 * may go under. Percentages per year.
 */
public record HalfYearRate(LocalDate start, BigDecimal ecbRate, BigDecimal legalRate, String source,
                           Instant recordedAt, String recordedBy) {

    private static final BigDecimal ECB_MARGIN = BigDecimal.TEN;
    private static final BigDecimal FLOOR_MULTIPLE = BigDecimal.valueOf(3);

    public BigDecimal floorRate() {
        return legalRate.multiply(FLOOR_MULTIPLE);
    }

    public BigDecimal statutoryRate() {
        return ecbRate.add(ECB_MARGIN).max(floorRate());
    }

    /** The rate an invoice bears this half-year: the one in its contract if any, never under the floor. */
    public BigDecimal rateFor(BigDecimal contractualRate) {
        return contractualRate == null ? statutoryRate() : contractualRate.max(floorRate());
    }

    public LocalDate end() {
        return start.plusMonths(6).minusDays(1);
    }

    public static LocalDate startOf(LocalDate day) {
        return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? Month.JANUARY : Month.JULY, 1);
    }

    public static boolean isHalfYearStart(LocalDate day) {
        return day.getDayOfMonth() == 1 && (day.getMonth() == Month.JANUARY || day.getMonth() == Month.JULY);
    }
}

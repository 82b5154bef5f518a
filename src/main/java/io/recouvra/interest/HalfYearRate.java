package io.recouvra.interest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;

/**
 * The rates of one half-year (1 January–30 June or 1 July–31 December), as article L. 441-10, II of the
 * Code de commerce reads them. Without a rate in the contract, the rate IS the ECB main refinancing rate
 * in force on the half-year's first day plus 10 points, whatever the legal rate. Three times the legal
 * interest rate is only a floor under a rate the contract sets ("sauf disposition contraire qui ne peut
 * toutefois fixer un taux inférieur à trois fois le taux d'intérêt légal"). Percentages per year.
 */
public record HalfYearRate(LocalDate start, BigDecimal ecbRate, BigDecimal legalRate, String source,
                           Instant recordedAt, String recordedBy) {

    private static final BigDecimal ECB_MARGIN = BigDecimal.TEN;
    private static final BigDecimal FLOOR_MULTIPLE = BigDecimal.valueOf(3);

    /** The least a contract may agree on: three times the legal interest rate. */
    public BigDecimal floorRate() {
        return legalRate.multiply(FLOOR_MULTIPLE);
    }

    /** The rate when the contract sets none: ECB + 10 points, with no floor (the floor limits contracts only). */
    public BigDecimal statutoryRate() {
        return ecbRate.add(ECB_MARGIN);
    }

    /** The rate an invoice bears this half-year: the one in its contract, raised to the floor, or the statutory one. */
    public BigDecimal rateFor(BigDecimal contractualRate) {
        return contractualRate == null ? statutoryRate() : contractualRate.max(floorRate());
    }

    /** Whether a contractual rate is under this half-year's floor, and so replaced by it. */
    public boolean raisesToFloor(BigDecimal contractualRate) {
        return contractualRate != null && contractualRate.compareTo(floorRate()) < 0;
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

    /** The half-year's name as the French texts say it: "1er semestre 2026". */
    public static String frenchName(LocalDate start) {
        return (start.getMonth() == Month.JANUARY ? "1er" : "2d") + " semestre " + start.getYear();
    }

    /** The half-year's name as the English texts say it: "first half of 2026". */
    public static String englishName(LocalDate start) {
        return (start.getMonth() == Month.JANUARY ? "first" : "second") + " half of " + start.getYear();
    }
}

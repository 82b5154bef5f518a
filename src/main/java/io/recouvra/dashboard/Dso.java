package io.recouvra.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Days sales outstanding and the figures around it, as pure functions of monthly figures (see docs/dashboard.md for
 * the formulas and where they come from). Days are rounded half-up to one decimal, the CEI to one decimal of a
 * percent; intermediate results keep 16 significant digits so that the rounding happens once.
 */
public final class Dso {

    /** How DSO is computed: from the latest months' sales backwards, or from the period's average daily sales. */
    public enum Method {
        /** Closing receivables consumed by each month's sales, newest month first: a full month counts its days. */
        COUNTBACK,
        /** Closing receivables ÷ the period's sales × the period's days. */
        SIMPLE
    }

    /** The sales (invoiced, VAT included, as receivables are) of one calendar month. */
    public record MonthlySales(YearMonth month, BigDecimal sales) {
    }

    /**
     * DSO, the best possible DSO (the same method on the current, not yet due, receivables only) and the average days
     * delinquent, their difference; each empty when the sales given cannot carry it (no sales, or a countback that
     * runs out of months).
     */
    public record Figures(Method method, Optional<BigDecimal> dso, Optional<BigDecimal> bestPossible,
                          Optional<BigDecimal> averageDaysDelinquent) {
    }

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL64;

    private Dso() {
    }

    /**
     * @param receivables the receivables at the end of the last month
     * @param current     those of them not yet due
     * @param months      the months of the period, oldest first, consecutive
     */
    public static Figures of(Method method, BigDecimal receivables, BigDecimal current, List<MonthlySales> months) {
        Optional<BigDecimal> dso = unrounded(method, receivables, months);
        Optional<BigDecimal> best = unrounded(method, current, months);
        Optional<BigDecimal> add = dso.flatMap(d -> best.map(d::subtract));
        return new Figures(method, dso.map(Dso::days), best.map(Dso::days), add.map(Dso::days));
    }

    /** Closing receivables ÷ the period's sales × the period's days. */
    public static Optional<BigDecimal> simple(BigDecimal receivables, List<MonthlySales> months) {
        return simpleUnrounded(receivables, months).map(Dso::days);
    }

    /** Closing receivables counted back through the months, newest first. */
    public static Optional<BigDecimal> countback(BigDecimal receivables, List<MonthlySales> months) {
        return countbackUnrounded(receivables, months).map(Dso::days);
    }

    /**
     * Collection effectiveness index, in percent: what was collected of what could have been, the not yet due left
     * aside: (opening + sales − closing) ÷ (opening + sales − closing current) × 100. Empty when nothing could be
     * collected (a zero denominator).
     */
    public static Optional<BigDecimal> collectionEffectiveness(BigDecimal openingReceivables, BigDecimal sales,
                                                               BigDecimal closingReceivables, BigDecimal closingCurrent) {
        BigDecimal collected = openingReceivables.add(sales).subtract(closingReceivables);
        BigDecimal collectable = openingReceivables.add(sales).subtract(closingCurrent);
        if (collectable.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(collected.multiply(BigDecimal.valueOf(100)).divide(collectable, EXACT_ENOUGH)
                .setScale(1, RoundingMode.HALF_UP));
    }

    private static Optional<BigDecimal> unrounded(Method method, BigDecimal receivables, List<MonthlySales> months) {
        return method == Method.COUNTBACK ? countbackUnrounded(receivables, months) : simpleUnrounded(receivables, months);
    }

    private static Optional<BigDecimal> simpleUnrounded(BigDecimal receivables, List<MonthlySales> months) {
        BigDecimal sales = months.stream().map(MonthlySales::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sales.signum() <= 0) {
            return Optional.empty();
        }
        int days = months.stream().mapToInt(m -> m.month().lengthOfMonth()).sum();
        return Optional.of(receivables.multiply(BigDecimal.valueOf(days)).divide(sales, EXACT_ENOUGH));
    }

    private static Optional<BigDecimal> countbackUnrounded(BigDecimal receivables, List<MonthlySales> months) {
        BigDecimal left = receivables;
        BigDecimal days = BigDecimal.ZERO;
        for (int i = months.size() - 1; i >= 0 && left.signum() > 0; i--) {
            MonthlySales month = months.get(i);
            BigDecimal length = BigDecimal.valueOf(month.month().lengthOfMonth());
            if (left.compareTo(month.sales()) >= 0) {
                days = days.add(length);
                left = left.subtract(month.sales());
            } else {
                // the receivables left are a part of this month's sales: that part of its days
                days = days.add(left.multiply(length).divide(month.sales(), EXACT_ENOUGH));
                left = BigDecimal.ZERO;
            }
        }
        // receivables older than every month given: the DSO is more than the period, not a number
        return left.signum() > 0 ? Optional.empty() : Optional.of(days);
    }

    private static BigDecimal days(BigDecimal unrounded) {
        return unrounded.setScale(1, RoundingMode.HALF_UP);
    }
}

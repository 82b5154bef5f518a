package io.recouvra.dashboard;

import io.recouvra.dashboard.Dso.Method;
import io.recouvra.dashboard.Dso.MonthlySales;
import io.recouvra.dashboard.MonthlySnapshots.Line;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The closed months' figures of one currency (and one customer type, or all), from the monthly snapshots: the aged
 * balance at each month's end, the month's sales, DSO by the countback method over up to twelve months (the figure
 * shown) and by the simple method over up to three, best possible DSO, ADD, and the CEI of the month (which needs the
 * month before). Only consecutive months taken count: a month missing breaks the series there.
 */
final class MonthlyFigures {

    static final int COUNTBACK_MONTHS = 12;
    static final int SIMPLE_MONTHS = 3;

    /** One closed month of one currency. */
    record Month(YearMonth month, Map<AgeingBucket, BigDecimal> byBucket, BigDecimal receivables, BigDecimal current,
                 BigDecimal sales, Dso.Figures countback, Dso.Figures simple, Optional<BigDecimal> collectionEffectiveness) {
    }

    private MonthlyFigures() {
    }

    /**
     * @param taken the months taken, oldest first
     * @param lines their lines (any currency, any customer type)
     * @param which the lines that count: one currency's, of one customer type or all
     */
    static List<Month> of(List<YearMonth> taken, List<Line> lines, Predicate<Line> which) {
        List<Map<AgeingBucket, BigDecimal>> balances = new ArrayList<>();
        List<BigDecimal> sales = new ArrayList<>();
        for (YearMonth month : taken) {
            Map<AgeingBucket, BigDecimal> buckets = zeroBuckets();
            BigDecimal monthSales = BigDecimal.ZERO;
            for (Line line : lines) {
                if (line.month().equals(month) && which.test(line)) {
                    line.byBucket().forEach((bucket, amount) -> buckets.merge(bucket, amount, BigDecimal::add));
                    monthSales = monthSales.add(line.sales());
                }
            }
            balances.add(buckets);
            sales.add(monthSales);
        }
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            BigDecimal receivables = sum(balances.get(i));
            BigDecimal current = balances.get(i).get(AgeingBucket.NOT_DUE);
            Optional<BigDecimal> cei = Optional.empty();
            if (i > 0 && taken.get(i - 1).equals(taken.get(i).minusMonths(1))) {
                cei = Dso.collectionEffectiveness(sum(balances.get(i - 1)), sales.get(i), receivables, current);
            }
            months.add(new Month(taken.get(i), balances.get(i), receivables, current, sales.get(i),
                    Dso.of(Method.COUNTBACK, receivables, current, window(taken, sales, i, COUNTBACK_MONTHS)),
                    Dso.of(Method.SIMPLE, receivables, current, window(taken, sales, i, SIMPLE_MONTHS)), cei));
        }
        return months;
    }

    /** The consecutive months taken ending at {@code last}, at most {@code size} of them, oldest first. */
    private static List<MonthlySales> window(List<YearMonth> taken, List<BigDecimal> sales, int last, int size) {
        List<MonthlySales> window = new ArrayList<>();
        for (int i = last; i >= 0 && window.size() < size; i--) {
            if (i < last && !taken.get(i).equals(taken.get(i + 1).minusMonths(1))) {
                break;
            }
            window.add(0, new MonthlySales(taken.get(i), sales.get(i)));
        }
        return window;
    }

    private static BigDecimal sum(Map<AgeingBucket, BigDecimal> buckets) {
        return buckets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<AgeingBucket, BigDecimal> zeroBuckets() {
        Map<AgeingBucket, BigDecimal> buckets = new EnumMap<>(AgeingBucket.class);
        for (AgeingBucket bucket : AgeingBucket.values()) {
            buckets.put(bucket, BigDecimal.ZERO);
        }
        return buckets;
    }
}

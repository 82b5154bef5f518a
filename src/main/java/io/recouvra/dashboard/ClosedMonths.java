package io.recouvra.dashboard;

import io.recouvra.dashboard.MonthlyFigures.Month;
import io.recouvra.dashboard.MonthlySnapshots.Line;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The closed months the Portfolio page shows, read once from the monthly snapshots: the Portfolio page and the gauges
 * both go through here, so that the DSO, best possible DSO, ADD and CEI a scrape gives are the page's.
 */
@Component
class ClosedMonths {

    /** The closed months the trend shows. */
    static final int TREND_MONTHS = 12;

    /**
     * The months taken up to a last month, with the months before the shown ones that feed their countback and CEI.
     *
     * @param taken      the months taken, oldest first
     * @param lines      their lines, every currency and segment
     * @param currencies the currencies of those lines, EUR first
     */
    record Window(List<YearMonth> taken, List<Line> lines, List<String> currencies) {

        /** One currency's closed months (of the lines {@code which} keeps), oldest first, at most the trend's. */
        List<Month> months(Predicate<Line> which) {
            List<Month> months = MonthlyFigures.of(taken, lines, which);
            return months.subList(Math.max(0, months.size() - TREND_MONTHS), months.size());
        }

        List<Month> months(String currency) {
            return months(line -> line.currency().equals(currency));
        }
    }

    private final MonthlySnapshots snapshots;

    ClosedMonths(MonthlySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The {@link #TREND_MONTHS} months ending with {@code last}, and the ones before them their figures need. */
    Window upTo(YearMonth last) {
        YearMonth first = last.minusMonths(TREND_MONTHS + MonthlyFigures.COUNTBACK_MONTHS - 1);
        List<Line> lines = snapshots.lines(first, last);
        List<String> currencies = lines.stream().map(Line::currency).distinct().sorted(Currencies.EUR_FIRST).toList();
        return new Window(snapshots.taken(first, last), lines, currencies);
    }
}

package io.recouvra.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.recouvra.dashboard.Ageing.AgedBalance;
import io.recouvra.dashboard.HeadlineFigures.ClosedMonth;
import io.recouvra.dashboard.HeadlineFigures.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The dashboard's headline figures as gauges on /actuator/prometheus, per currency (docs/dashboard.md, "Gauges"): the
 * receivables outstanding, overdue and aged; the last closed month's countback DSO, best possible DSO, ADD and CEI;
 * what is in insolvency proceedings; what the invoices in open dispute owe; the promises' kept rate over 30 days; the
 * 13 weeks' expected cash. They read a snapshot that {@link #refresh()} takes: a scrape reads the snapshot, never the
 * database.
 */
@Component
public class ReceivablesGauges {

    /** The tag naming how a DSO figure is computed: the countback method, as the Portfolio page shows it. */
    static final Tags COUNTBACK = Tags.of("method", "countback");

    private final HeadlineFigures figures;
    private final MultiGauge outstanding;
    private final MultiGauge overdue;
    private final MultiGauge aged;
    private final MultiGauge dso;
    private final MultiGauge bestPossibleDso;
    private final MultiGauge averageDaysDelinquent;
    private final MultiGauge collectionEffectiveness;
    private final MultiGauge insolvency;
    private final MultiGauge inDispute;
    private final MultiGauge promisesKept;
    private final MultiGauge forecastExpected;
    /** Holds the numbers the gauges read (a gauge keeps only a weak reference to its number). */
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    ReceivablesGauges(HeadlineFigures figures, MeterRegistry registry) {
        this.figures = figures;
        this.outstanding = MultiGauge.builder("recouvra.receivables.outstanding")
                .description("What the sales invoices still owe, per currency").register(registry);
        this.overdue = MultiGauge.builder("recouvra.receivables.overdue")
                .description("What the sales invoices past their due date still owe, per currency").register(registry);
        this.aged = MultiGauge.builder("recouvra.receivables.aged")
                .description("What the sales invoices still owe, per currency and bucket of days past due").register(registry);
        this.dso = MultiGauge.builder("recouvra.receivables.dso.days")
                .description("DSO of the last closed month, per currency, by the method tagged (countback, as the Portfolio page)")
                .register(registry);
        this.bestPossibleDso = MultiGauge.builder("recouvra.receivables.best.possible.dso.days")
                .description("Best possible DSO of the last closed month (the not yet due receivables only), per currency")
                .register(registry);
        this.averageDaysDelinquent = MultiGauge.builder("recouvra.receivables.average.days.delinquent")
                .description("ADD of the last closed month: DSO less best possible DSO, per currency").register(registry);
        this.collectionEffectiveness = MultiGauge.builder("recouvra.receivables.cei.percent")
                .description("Collection effectiveness index of the last closed month, in percent, per currency")
                .register(registry);
        this.insolvency = MultiGauge.builder("recouvra.receivables.insolvency.proceedings")
                .description("What the invoices frozen by their customers' insolvency proceedings still owe, per currency")
                .register(registry);
        this.inDispute = MultiGauge.builder("recouvra.disputes.open.amount")
                .description("What the invoices under a dispute still open owe, per currency").register(registry);
        this.promisesKept = MultiGauge.builder("recouvra.promises.kept.rate.percent")
                .description("Promises to pay kept of those kept or broken, falling due in the last 30 days, per currency")
                .register(registry);
        this.forecastExpected = MultiGauge.builder("recouvra.cash.forecast.expected")
                .description("Cash expected over the 13 weeks from the current one, per currency").register(registry);
    }

    /**
     * Takes a new snapshot of the figures; a currency no longer owed (or whose figure has become empty: no closed month,
     * no promise kept or broken) leaves that gauge. A figure that fails leaves every gauge as the last snapshot had it.
     */
    public void refresh() {
        Snapshot taken = figures.now();
        snapshot = taken;
        List<AgedBalance> balances = taken.aged();
        outstanding.register(balances.stream().map(b -> row(b.currency(), b.outstanding())).toList(), true);
        overdue.register(balances.stream().map(b -> row(b.currency(), b.overdue())).toList(), true);
        aged.register(balances.stream().flatMap(b -> b.byBucket().entrySet().stream().map(e -> bucketRow(b.currency(), e)))
                .toList(), true);
        List<ClosedMonth> months = taken.closedMonths();
        dso.register(rows(months, ClosedMonth::currency, m -> m.month().countback().dso(), COUNTBACK), true);
        bestPossibleDso.register(rows(months, ClosedMonth::currency, m -> m.month().countback().bestPossible(), COUNTBACK), true);
        averageDaysDelinquent.register(rows(months, ClosedMonth::currency,
                m -> m.month().countback().averageDaysDelinquent(), COUNTBACK), true);
        collectionEffectiveness.register(rows(months, ClosedMonth::currency, m -> m.month().collectionEffectiveness(),
                Tags.empty()), true);
        insolvency.register(taken.frozen().stream().map(f -> row(f.currency(), f.outstanding())).toList(), true);
        inDispute.register(taken.inDispute().stream().map(d -> row(d.currency(), d.amount())).toList(), true);
        promisesKept.register(rows(taken.promises(), Keeping::currency, Keeping::keptRate, Tags.of("days", "30")), true);
        forecastExpected.register(taken.forecasts().stream()
                .map(f -> Row.of(Tags.of("currency", f.currency(), "weeks", String.valueOf(CashForecast.WEEKS)),
                        f.expectedOverWeeks())).toList(), true);
    }

    /** The figures the gauges show now. */
    Snapshot snapshot() {
        return snapshot;
    }

    private static Row<?> row(String currency, BigDecimal amount) {
        return Row.of(Tags.of("currency", currency), amount);
    }

    /** One row per currency whose figure is not empty: an empty figure is no number, not zero. */
    private static <T> List<Row<?>> rows(List<T> figures, Function<T, String> currency, Function<T, Optional<BigDecimal>> value,
                                         Tags tags) {
        List<Row<?>> rows = new ArrayList<>();
        for (T figure : figures) {
            value.apply(figure).ifPresent(number -> rows.add(Row.of(tags.and("currency", currency.apply(figure)), number)));
        }
        return rows;
    }

    private static Row<?> bucketRow(String currency, Map.Entry<AgeingBucket, BigDecimal> bucket) {
        return Row.of(Tags.of("currency", currency, "bucket", bucket.getKey().label()), bucket.getValue());
    }
}

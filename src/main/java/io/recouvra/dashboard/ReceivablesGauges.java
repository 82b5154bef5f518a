package io.recouvra.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.recouvra.dashboard.Ageing.AgedBalance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The headline receivables figures as gauges ({@code recouvra_receivables_outstanding{currency}}, {@code _overdue},
 * {@code _aged{currency,bucket}} on /actuator/prometheus), read from a snapshot that {@link #refresh()} takes: a
 * scrape reads the snapshot, never the database.
 */
@Component
public class ReceivablesGauges {

    private final Ageing ageing;
    private final Clock clock;
    private final MultiGauge outstanding;
    private final MultiGauge overdue;
    private final MultiGauge aged;
    /** Holds the amounts the gauges read (a gauge keeps only a weak reference to its number). */
    private volatile List<AgedBalance> snapshot = List.of();

    ReceivablesGauges(Ageing ageing, Clock clock, MeterRegistry registry) {
        this.ageing = ageing;
        this.clock = clock;
        this.outstanding = MultiGauge.builder("recouvra.receivables.outstanding")
                .description("What the sales invoices still owe, per currency").register(registry);
        this.overdue = MultiGauge.builder("recouvra.receivables.overdue")
                .description("What the sales invoices past their due date still owe, per currency").register(registry);
        this.aged = MultiGauge.builder("recouvra.receivables.aged")
                .description("What the sales invoices still owe, per currency and bucket of days past due").register(registry);
    }

    /** Takes a new snapshot of today's aged balance; a currency no longer owed leaves the gauges. */
    public void refresh() {
        List<AgedBalance> balances = ageing.on(LocalDate.now(clock));
        snapshot = balances;
        outstanding.register(balances.stream().map(b -> Row.of(Tags.of("currency", b.currency()), b.outstanding())).toList(), true);
        overdue.register(balances.stream().map(b -> Row.of(Tags.of("currency", b.currency()), b.overdue())).toList(), true);
        aged.register(balances.stream().flatMap(b -> b.byBucket().entrySet().stream().map(e -> bucketRow(b.currency(), e)))
                .toList(), true);
    }

    /** The aged balances the gauges show now. */
    public List<AgedBalance> snapshot() {
        return snapshot;
    }

    private static Row<?> bucketRow(String currency, Map.Entry<AgeingBucket, BigDecimal> bucket) {
        return Row.of(Tags.of("currency", currency, "bucket", bucket.getKey().label()), bucket.getValue());
    }
}

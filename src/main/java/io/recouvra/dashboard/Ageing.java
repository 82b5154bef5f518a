package io.recouvra.dashboard;

import io.recouvra.receivables.InvoiceKind;
import io.recouvra.receivables.OpenInvoices;
import io.recouvra.receivables.OpenInvoices.OwedOnDueDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The aged balance: what the sales invoices still owe, outstanding and overdue, by bucket of days past due, per
 * currency (amounts in different currencies are never added). Reads one grouped query, by due date, and buckets
 * its rows here.
 */
@Component
public class Ageing {

    /** One currency's aged balance; {@code byBucket} has every bucket, zero where nothing is owed. */
    public record AgedBalance(String currency, BigDecimal outstanding, BigDecimal overdue, Map<AgeingBucket, BigDecimal> byBucket) {
    }

    private static final String FIRST_CURRENCY = "EUR";

    private final OpenInvoices openInvoices;

    Ageing(OpenInvoices openInvoices) {
        this.openInvoices = openInvoices;
    }

    /** The whole book's aged balance on {@code day}, EUR first, then the other currencies alphabetically. */
    public List<AgedBalance> on(LocalDate day) {
        return on(day, Set.of());
    }

    /**
     * The aged balance on {@code day} of the sales invoices issued by then (late-charge debit notes are not sales),
     * of the given customers if any are given. The amounts owed are today's: a payment received after {@code day}
     * has already reduced them.
     */
    public List<AgedBalance> on(LocalDate day, Collection<UUID> customers) {
        Map<String, Map<AgeingBucket, BigDecimal>> byCurrency = new LinkedHashMap<>();
        for (OwedOnDueDate owed : openInvoices.owedByDueDate(day, InvoiceKind.INVOICE, customers)) {
            AgeingBucket bucket = AgeingBucket.ofDaysOverdue(ChronoUnit.DAYS.between(owed.dueDate(), day));
            byCurrency.computeIfAbsent(owed.currency(), c -> emptyBuckets()).merge(bucket, owed.outstanding(), BigDecimal::add);
        }
        return byCurrency.entrySet().stream()
                .map(e -> balance(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((AgedBalance b) -> !b.currency().equals(FIRST_CURRENCY)).thenComparing(AgedBalance::currency))
                .toList();
    }

    private static AgedBalance balance(String currency, Map<AgeingBucket, BigDecimal> buckets) {
        BigDecimal outstanding = buckets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal overdue = outstanding.subtract(buckets.get(AgeingBucket.NOT_DUE));
        return new AgedBalance(currency, outstanding, overdue, Collections.unmodifiableMap(buckets));
    }

    private static Map<AgeingBucket, BigDecimal> emptyBuckets() {
        Map<AgeingBucket, BigDecimal> buckets = new EnumMap<>(AgeingBucket.class);
        for (AgeingBucket bucket : AgeingBucket.values()) {
            buckets.put(bucket, BigDecimal.ZERO);
        }
        return buckets;
    }
}

package io.recouvra.provisions;

import io.recouvra.provisions.ProvisionReport.CurrencyTotal;
import io.recouvra.provisions.ProvisionReport.Previous;
import io.recouvra.provisions.ProvisionReport.Total;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A month's totals, added up line by line as the lines are written, so that the report never holds its lines: per
 * currency, situation and age bucket, and per currency with the movements since the previous closed month.
 */
final class ProvisionTotals {

    private record Group(String currency, Situation situation, String bucket) {
    }

    private static final class GroupSum {
        private int youngest = Integer.MAX_VALUE;
        private int invoices;
        private BigDecimal outstanding = BigDecimal.ZERO;
        private BigDecimal base = BigDecimal.ZERO;
        private BigDecimal provision = BigDecimal.ZERO;
    }

    private static final class CurrencySum {
        private int invoices;
        private BigDecimal outstanding = BigDecimal.ZERO;
        private BigDecimal vat = BigDecimal.ZERO;
        private BigDecimal insured = BigDecimal.ZERO;
        private BigDecimal base = BigDecimal.ZERO;
        private BigDecimal provision = BigDecimal.ZERO;
        private BigDecimal allowance = BigDecimal.ZERO;
        private BigDecimal reversal = BigDecimal.ZERO;
        /** The previous provisions of this currency's invoices still in the report, and how many they are. */
        private BigDecimal stillThere = BigDecimal.ZERO;
        private int stillThereCount;
    }

    private final PreviousProvisions previous;
    private final Map<Group, GroupSum> groups = new HashMap<>();
    private final Map<String, CurrencySum> currencies = new TreeMap<>();

    /** {@code previous}: each invoice's provision in the previous closed month, {@link PreviousProvisions#NONE} when none was closed. */
    ProvisionTotals(PreviousProvisions previous) {
        this.previous = previous;
        previous.currencies().forEach(code -> currencies.computeIfAbsent(code, c -> new CurrencySum()));
    }

    void add(ProvisionLine line) {
        GroupSum group = groups.computeIfAbsent(new Group(line.currency(), line.situation(), line.bucket()), key -> new GroupSum());
        group.youngest = Math.min(group.youngest, line.daysOverdue());
        group.invoices++;
        group.outstanding = group.outstanding.add(line.outstanding());
        group.base = group.base.add(line.base());
        group.provision = group.provision.add(line.provision());

        CurrencySum sum = currencies.computeIfAbsent(line.currency(), code -> new CurrencySum());
        sum.invoices++;
        sum.outstanding = sum.outstanding.add(line.outstanding());
        sum.vat = sum.vat.add(line.vat());
        sum.insured = sum.insured.add(line.insured());
        sum.base = sum.base.add(line.base());
        sum.provision = sum.provision.add(line.provision());
        Previous before = previous.get(line.invoiceId());
        BigDecimal change = line.provision().subtract(before != null ? before.provision() : BigDecimal.ZERO);
        if (change.signum() > 0) {
            sum.allowance = sum.allowance.add(change);
        } else if (change.signum() < 0) {
            sum.reversal = sum.reversal.subtract(change);
        }
        if (before != null && before.currency().equals(line.currency())) {
            sum.stillThere = sum.stillThere.add(before.provision());
            sum.stillThereCount++;
        }
    }

    /** Per currency, situation (strongest first) and bucket (youngest first). */
    List<Total> totals() {
        return groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Group, GroupSum>, String>comparing(e -> e.getKey().currency())
                        .thenComparing(e -> e.getKey().situation()).thenComparingInt(e -> e.getValue().youngest))
                .map(e -> new Total(e.getKey().currency(), e.getKey().situation(), e.getKey().bucket(), e.getValue().invoices,
                        e.getValue().outstanding, e.getValue().base, e.getValue().provision))
                .toList();
    }

    /**
     * Per currency, by code: with the previous closed month's provision, the increases (allowance) and the decreases
     * (reversal), which include the whole previous provision of an invoice no longer in the report (paid, credited or
     * written off since).
     */
    List<CurrencyTotal> currencies() {
        return currencies.entrySet().stream().map(e -> {
            String code = e.getKey();
            CurrencySum sum = e.getValue();
            BigDecimal before = previous.total(code);
            int beforeCount = previous.count(code);
            BigDecimal reversal = beforeCount > sum.stillThereCount ? sum.reversal.add(before.subtract(sum.stillThere)) : sum.reversal;
            return new CurrencyTotal(code, sum.invoices, sum.outstanding, sum.vat, sum.insured, sum.base, sum.provision, before,
                    sum.allowance, reversal);
        }).toList();
    }
}

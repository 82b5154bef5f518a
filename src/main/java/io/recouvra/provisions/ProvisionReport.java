package io.recouvra.provisions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A month's doubtful-debt provisions, per currency (amounts in different currencies are never added up:
 * the accountant converts at the closing rate).
 *
 * @param status         CLOSED: the figures stored when the month was closed; PREVIEW: computed now
 * @param previousMonth  the closed month the movements are measured against, if any
 * @param totals         per currency, situation and age bucket
 * @param currencies     per currency, with the movement since the previous closed month
 */
record ProvisionReport(String month, LocalDate asOf, Status status, Instant closedAt, String closedBy, int ratesVersion,
                       String previousMonth, List<Total> totals, List<CurrencyTotal> currencies, List<ProvisionLine> lines) {

    enum Status { PREVIEW, CLOSED }

    record Total(String currency, Situation situation, String bucket, int invoices, BigDecimal outstanding,
                 BigDecimal base, BigDecimal provision) {
    }

    /**
     * @param allowance  the increases of provisions since the previous closed month (dotation)
     * @param reversal   the decreases, including the whole provision of an invoice since paid or written off
     *                   (reprise): previousProvision + allowance - reversal = provision
     */
    record CurrencyTotal(String currency, int invoices, BigDecimal outstanding, BigDecimal vat, BigDecimal insured,
                         BigDecimal base, BigDecimal provision, BigDecimal previousProvision, BigDecimal allowance,
                         BigDecimal reversal) {
    }

    /** What an invoice was provisioned for in the previous closed month. */
    record Previous(String currency, BigDecimal provision) {
    }

    static ProvisionReport of(String month, LocalDate asOf, Status status, Instant closedAt, String closedBy, int ratesVersion,
                              String previousMonth, List<ProvisionLine> figures, Map<UUID, Previous> previous) {
        List<ProvisionLine> lines = figures.stream()
                .map(line -> previousMonth == null ? line : line.comparedWith(previous.containsKey(line.invoiceId())
                        ? previous.get(line.invoiceId()).provision() : BigDecimal.ZERO))
                .sorted(Comparator.comparing(ProvisionLine::customerName).thenComparing(ProvisionLine::dueDate)
                        .thenComparing(ProvisionLine::invoiceNumber))
                .toList();
        return new ProvisionReport(month, asOf, status, closedAt, closedBy, ratesVersion, previousMonth, totals(lines),
                currencies(lines, previous), lines);
    }

    /** Per currency, situation (strongest first) and bucket (youngest first). */
    private static List<Total> totals(List<ProvisionLine> lines) {
        Map<List<Object>, List<ProvisionLine>> groups = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing(ProvisionLine::currency).thenComparing(ProvisionLine::situation)
                        .thenComparing(ProvisionLine::daysOverdue))
                .forEach(line -> groups.computeIfAbsent(List.of(line.currency(), line.situation(), line.bucket()),
                        key -> new ArrayList<>()).add(line));
        return groups.values().stream().map(group -> new Total(group.get(0).currency(), group.get(0).situation(),
                group.get(0).bucket(), group.size(), sum(group, ProvisionLine::outstanding), sum(group, ProvisionLine::base),
                sum(group, ProvisionLine::provision))).toList();
    }

    private static List<CurrencyTotal> currencies(List<ProvisionLine> lines, Map<UUID, Previous> previous) {
        Set<String> codes = new TreeSet<>();
        lines.forEach(line -> codes.add(line.currency()));
        previous.values().forEach(p -> codes.add(p.currency()));
        Map<String, CurrencyTotal> totals = new TreeMap<>();
        for (String code : codes) {
            List<ProvisionLine> of = lines.stream().filter(line -> line.currency().equals(code)).toList();
            BigDecimal before = previous.values().stream().filter(p -> p.currency().equals(code))
                    .map(Previous::provision).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal allowance = BigDecimal.ZERO;
            BigDecimal reversal = BigDecimal.ZERO;
            for (ProvisionLine line : of) {
                BigDecimal change = line.provision().subtract(previous.containsKey(line.invoiceId())
                        ? previous.get(line.invoiceId()).provision() : BigDecimal.ZERO);
                allowance = change.signum() > 0 ? allowance.add(change) : allowance;
                reversal = change.signum() < 0 ? reversal.subtract(change) : reversal;
            }
            Set<UUID> still = new HashSet<>(of.stream().map(ProvisionLine::invoiceId).toList());
            for (Map.Entry<UUID, Previous> gone : previous.entrySet()) {
                if (gone.getValue().currency().equals(code) && !still.contains(gone.getKey())) {
                    reversal = reversal.add(gone.getValue().provision());
                }
            }
            totals.put(code, new CurrencyTotal(code, of.size(), sum(of, ProvisionLine::outstanding), sum(of, ProvisionLine::vat),
                    sum(of, ProvisionLine::insured), sum(of, ProvisionLine::base), sum(of, ProvisionLine::provision),
                    before, allowance, reversal));
        }
        return List.copyOf(totals.values());
    }

    private static BigDecimal sum(List<ProvisionLine> lines, Function<ProvisionLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.collection.CollectionFigures.DisputeCredit;
import io.recouvra.collection.CollectionFigures.DisputeTally;
import io.recouvra.messaging.PublicHolidays;
import io.recouvra.receivables.CashFigures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * Disputes against their service level (see docs/dashboard.md): those open now, by reason, and how many are past their
 * review deadline; those resolved in a period, by root cause, how long they took in business days and how many were
 * resolved by the deadline DisputePolicy sets (5 business days for every reason today); the credits granted, per
 * currency. Business days leave out weekends and French public holidays, as the dispute's own timer does.
 */
@Component
public class DisputeFigures {

    /** The root cause of a dispute resolved without the handler giving one. */
    public static final String NO_ROOT_CAUSE = "NOT_GIVEN";

    /** The credits granted on resolved disputes in one currency, and on how many invoices. */
    public record Credited(String currency, long invoices, BigDecimal amount) {
    }

    /** What the invoices under an open dispute of one currency still owe, and how many they are. */
    public record InDispute(String currency, long invoices, BigDecimal amount) {
    }

    /**
     * @param averageBusinessDays the resolved disputes' mean business days from the day raised to the day resolved,
     *                            rounded half-up to one decimal; empty when none was resolved
     * @param withinSlaRate       resolved by the deadline ÷ resolved × 100, one decimal; empty when none was resolved
     */
    public record Report(long open, long openPastDeadline, Map<String, Long> openByReason, long resolved,
                         Map<String, Long> resolvedByRootCause, long resolvedWithinSla, Optional<BigDecimal> withinSlaRate,
                         Optional<BigDecimal> averageBusinessDays, List<Credited> credited) {
    }

    private final CollectionFigures figures;
    private final CashFigures ledger;

    DisputeFigures(CollectionFigures figures, CashFigures ledger) {
        this.figures = figures;
        this.ledger = ledger;
    }

    /** Disputes open on {@code today} and resolved from {@code from} to {@code to}. */
    public Report report(LocalDate from, LocalDate to, LocalDate today, Collection<UUID> customers) {
        List<DisputeCredit> credits = figures.disputeCredits(from, to, customers);
        Map<UUID, String> currencies = ledger.currenciesOf(credits.stream().map(DisputeCredit::invoiceId).toList());
        return of(figures.disputes(from, to, customers), credits, currencies, today, figures::disputeReviewBusinessDays);
    }

    /**
     * What the invoices under a dispute still open owe now, per currency, EUR first, with how many they are: each
     * invoice once, however many disputes it has open; an invoice settled meanwhile owes nothing and is not counted.
     */
    public List<InDispute> openOwed(Collection<UUID> customers) {
        return ledger.owedOf(figures.invoicesInOpenDispute(customers)).stream()
                .map(owed -> new InDispute(owed.currency(), owed.invoices(), owed.outstanding()))
                .sorted(Comparator.comparing(InDispute::currency, Currencies.EUR_FIRST)).toList();
    }

    static Report of(List<DisputeTally> tallies, List<DisputeCredit> credits, Map<UUID, String> currencyOfInvoice,
                     LocalDate today, ToIntFunction<String> slaBusinessDays) {
        Map<String, Integer> sla = new HashMap<>();
        long open = 0;
        long openPastDeadline = 0;
        long resolved = 0;
        long withinSla = 0;
        long businessDays = 0;
        Map<String, Long> openByReason = new TreeMap<>();
        Map<String, Long> byRootCause = new TreeMap<>();
        for (DisputeTally tally : tallies) {
            LocalDate deadline = businessDayAfter(tally.raisedOn(),
                    sla.computeIfAbsent(tally.reason(), slaBusinessDays::applyAsInt));
            if (tally.resolvedOn() == null) {
                open += tally.count();
                openByReason.merge(tally.reason(), tally.count(), Long::sum);
                if (today.isAfter(deadline)) {
                    openPastDeadline += tally.count();
                }
            } else {
                resolved += tally.count();
                byRootCause.merge(tally.rootCause() == null ? NO_ROOT_CAUSE : tally.rootCause(), tally.count(), Long::sum);
                businessDays += tally.count() * businessDaysBetween(tally.raisedOn(), tally.resolvedOn());
                if (!tally.resolvedOn().isAfter(deadline)) {
                    withinSla += tally.count();
                }
            }
        }
        return new Report(open, openPastDeadline, openByReason, resolved, byRootCause, withinSla,
                share(withinSla * 100, resolved), share(businessDays, resolved), credited(credits, currencyOfInvoice));
    }

    private static List<Credited> credited(List<DisputeCredit> credits, Map<UUID, String> currencyOfInvoice) {
        Map<String, Credited> byCurrency = new TreeMap<>(Currencies.EUR_FIRST);
        for (DisputeCredit credit : credits) {
            String currency = currencyOfInvoice.get(credit.invoiceId());
            Credited sum = byCurrency.getOrDefault(currency, new Credited(currency, 0, BigDecimal.ZERO));
            byCurrency.put(currency, new Credited(currency, sum.invoices() + 1, sum.amount().add(credit.credited())));
        }
        return List.copyOf(byCurrency.values());
    }

    private static Optional<BigDecimal> share(long numerator, long denominator) {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP));
    }

    /** The last of {@code days} business days after {@code from}: the day a dispute raised on {@code from} is due. */
    static LocalDate businessDayAfter(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The business days after {@code from} up to and including {@code to}. */
    static long businessDaysBetween(LocalDate from, LocalDate to) {
        return from.datesUntil(to).map(day -> day.plusDays(1)).filter(DisputeFigures::isBusinessDay).count();
    }

    private static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek().getValue() <= 5 && !PublicHolidays.isHoliday("FR", day);
    }
}

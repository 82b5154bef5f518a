package io.recouvra.provisions;

import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.provisions.ProvisionReport.Previous;
import io.recouvra.provisions.ProvisionReport.Status;
import io.recouvra.provisions.ProvisionRuns.Run;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doubtful-debt provisions of a month: each unpaid invoice aged on the month's last day (today for
 * the running month), its situation, the rate the ProvisionRate table gives, and the provision on its
 * uninsured part without the invoice's own VAT. A month is closed once it is over: its figures are stored and never
 * computed again, so what the accountant booked does not move with later payments.
 *
 * <p>A month not yet closed is computed from the ledger as it stands: amounts and situations now,
 * ages on the month's last day. Close a month in the first days of the next one.
 */
@Service
class Provisions {

    private final Portfolio portfolio;
    private final ProvisionRates rates;
    private final ProvisionRuns runs;
    private final InsuredInvoices insured;
    private final Clock clock;

    Provisions(Portfolio portfolio, ProvisionRates rates, ProvisionRuns runs, InsuredInvoices insured, Clock clock) {
        this.portfolio = portfolio;
        this.rates = rates;
        this.runs = runs;
        this.insured = insured;
        this.clock = clock;
    }

    /** The month as closed, or a preview computed now; only the given customers' invoices if any are given. */
    @Transactional(readOnly = true)
    public ProvisionReport report(YearMonth month, Set<UUID> customers) {
        LocalDate asOf = asOf(month);
        Optional<Run> closed = runs.find(month);
        Optional<Run> previous = runs.latestBefore(month);
        Map<UUID, Previous> before = previous.map(run -> runs.provisions(run.month(), customers)).orElse(Map.of());
        String previousMonth = previous.map(run -> run.month().toString()).orElse(null);
        if (closed.isPresent()) {
            Run run = closed.get();
            return ProvisionReport.of(month.toString(), run.asOf(), Status.CLOSED, run.closedAt(), run.closedBy(),
                    run.ratesVersion(), previousMonth, runs.lines(month, customers), before);
        }
        RateTable table = rates.latest();
        return ProvisionReport.of(month.toString(), asOf, Status.PREVIEW, null, null, table.version(), previousMonth,
                compute(asOf, table, customers), before);
    }

    /**
     * Stores the month's figures for the whole book. Only a month that is over, only once, and in order:
     * the movements of a closed month are measured against the one closed before it, which must not change.
     */
    @Transactional
    public ProvisionReport close(YearMonth month, String closedBy) {
        LocalDate asOf = asOf(month);
        if (!month.isBefore(runningMonth())) {
            throw new ConflictException("month", month + " is not over: it can be closed from " + month.plusMonths(1).atDay(1));
        }
        runs.find(month).ifPresent(run -> {
            throw new ConflictException("month", month + " was closed on " + run.closedAt() + " by " + run.closedBy());
        });
        runs.latest().filter(latest -> latest.month().isAfter(month)).ifPresent(latest -> {
            throw new ConflictException("month", latest.month() + " is already closed: months are closed in order");
        });
        RateTable table = rates.latest();
        runs.store(new Run(month, asOf, table.version(), clock.instant(), closedBy), compute(asOf, table, Set.of()));
        return report(month, Set.of());
    }

    private List<ProvisionLine> compute(LocalDate asOf, RateTable table, Collection<UUID> customers) {
        Map<UUID, BigDecimal> insuredParts = insured.insuredParts(asOf);
        return portfolio.on(asOf, customers).stream().map(invoice -> {
            int daysOverdue = (int) Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), asOf));
            return ProvisionLine.of(invoice, daysOverdue, table.rate(invoice.situation(), daysOverdue),
                    insuredParts.getOrDefault(invoice.invoiceId(), BigDecimal.ZERO));
        }).toList();
    }

    /** The month's last day, today for the running month; a month still to come has no figures. */
    private LocalDate asOf(YearMonth month) {
        YearMonth running = runningMonth();
        if (month.isAfter(running)) {
            throw new InvalidInputException("month", month + " has not begun (this is " + running + ")");
        }
        return month.equals(running) ? LocalDate.now(clock) : month.atEndOfMonth();
    }

    private YearMonth runningMonth() {
        return YearMonth.now(clock);
    }
}

package io.recouvra.provisions;

import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.provisions.ProvisionReport.Heading;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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

    /**
     * Writes the month as closed, or a preview computed now, to {@code sheet} line by line as the lines are read, then
     * its totals; only the given customers' invoices if any are given. A month still to come is refused before
     * anything is written.
     */
    @Transactional(readOnly = true)
    public void write(YearMonth month, Set<UUID> customers, ProvisionSheet sheet) {
        LocalDate asOf = asOf(month);
        Optional<Run> closed = runs.find(month);
        Optional<Run> previous = runs.latestBefore(month);
        PreviousProvisions before = previous.map(run -> runs.provisions(run.month(), customers)).orElse(PreviousProvisions.NONE);
        String previousMonth = previous.map(run -> run.month().toString()).orElse(null);
        ProvisionTotals totals = new ProvisionTotals(before);
        Consumer<ProvisionLine> each = line -> {
            Previous was = before.get(line.invoiceId());
            ProvisionLine compared = previousMonth == null ? line : line.comparedWith(was != null ? was.provision() : BigDecimal.ZERO);
            totals.add(compared);
            sheet.line(compared);
        };
        if (closed.isPresent()) {
            Run run = closed.get();
            sheet.heading(new Heading(month.toString(), run.asOf(), Status.CLOSED, run.closedAt(), run.closedBy(),
                    run.ratesVersion(), previousMonth));
            runs.lines(month, customers, each);
        } else {
            RateTable table = rates.latest();
            sheet.heading(new Heading(month.toString(), asOf, Status.PREVIEW, null, null, table.version(), previousMonth));
            compute(asOf, table, customers, each);
        }
        sheet.totals(totals.totals(), totals.currencies());
    }

    /**
     * Stores the month's figures for the whole book. Only a month that is over, only once, and in order:
     * the movements of a closed month are measured against the one closed before it, which must not change.
     */
    @Transactional
    public void close(YearMonth month, String closedBy) {
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
        runs.store(new Run(month, asOf, table.version(), clock.instant(), closedBy), lines -> compute(asOf, table, Set.of(), lines));
    }

    private void compute(LocalDate asOf, RateTable table, Collection<UUID> customers, Consumer<ProvisionLine> each) {
        Map<UUID, BigDecimal> insuredParts = insured.insuredParts(asOf);
        portfolio.on(asOf, customers, invoice -> {
            int daysOverdue = (int) Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), asOf));
            each.accept(ProvisionLine.of(invoice, daysOverdue, table.rate(invoice.situation(), daysOverdue),
                    insuredParts.getOrDefault(invoice.invoiceId(), BigDecimal.ZERO)));
        });
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

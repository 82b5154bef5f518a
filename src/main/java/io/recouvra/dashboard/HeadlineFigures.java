package io.recouvra.dashboard;

import io.recouvra.dashboard.Ageing.AgedBalance;
import io.recouvra.dashboard.CashForecast.Forecast;
import io.recouvra.dashboard.DisputeFigures.InDispute;
import io.recouvra.dashboard.MonthlyFigures.Month;
import io.recouvra.receivables.LedgerReports;
import io.recouvra.receivables.LedgerReports.FrozenOwed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The headline figures of the dashboard's pages, all read at once for the gauges, each through the very call its page
 * makes (so a scrape and a page never disagree): the Portfolio's aged balance, its last closed month's countback DSO,
 * best possible DSO, ADD and CEI, and what is frozen by insolvency proceedings; the Disputes page's amount still owed
 * by the invoices in open dispute; the Promises page's kept rate over its default 30 days; the Cash forecast's
 * expected total over its 13 weeks. Every read is grouped (by currency, day or month), none per invoice.
 */
@Component
class HeadlineFigures {

    /** A currency's last closed month, as the Portfolio page's DSO table shows it last. */
    record ClosedMonth(String currency, Month month) {
    }

    /** Everything the gauges show, taken on {@code day}. */
    record Snapshot(LocalDate day, List<AgedBalance> aged, List<ClosedMonth> closedMonths, List<FrozenOwed> frozen,
                    List<InDispute> inDispute, List<Keeping> promises, List<Forecast> forecasts) {

        static final Snapshot EMPTY = new Snapshot(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private final Ageing ageing;
    private final ClosedMonths closedMonths;
    private final LedgerReports ledger;
    private final DisputeFigures disputes;
    private final PromisesAndPlans promises;
    private final CashForecast forecast;
    private final Clock clock;

    HeadlineFigures(Ageing ageing, ClosedMonths closedMonths, LedgerReports ledger, DisputeFigures disputes,
                    PromisesAndPlans promises, CashForecast forecast, Clock clock) {
        this.ageing = ageing;
        this.closedMonths = closedMonths;
        this.ledger = ledger;
        this.disputes = disputes;
        this.promises = promises;
        this.forecast = forecast;
        this.clock = clock;
    }

    Snapshot now() {
        LocalDate today = LocalDate.now(clock);
        // the Portfolio page's trend ends with the month before the current one; its last row is the figure shown
        ClosedMonths.Window window = closedMonths.upTo(YearMonth.now(clock).minusMonths(1));
        List<ClosedMonth> lastMonths = new ArrayList<>();
        for (String currency : window.currencies()) {
            List<Month> months = window.months(currency);
            if (!months.isEmpty()) {
                lastMonths.add(new ClosedMonth(currency, months.get(months.size() - 1)));
            }
        }
        // the Promises page without from and to: the 30 days up to today
        Period period = Period.of(null, null, today);
        return new Snapshot(today, ageing.on(today), List.copyOf(lastMonths), ledger.frozenByInsolvency(today),
                disputes.openOwed(Set.of()), promises.promises(period.from(), period.to(), Set.of()),
                forecast.on(today, Set.of()));
    }
}

package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.collection.CollectionFigures.ExpectedReceipt;
import io.recouvra.receivables.CashFigures;
import io.recouvra.receivables.CashFigures.OnDay;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The cash forecast (see docs/dashboard.md): per currency, the receipts expected in each of the 13 weeks from the
 * Monday of the current week (open invoices on their due date shifted by their customer's observed payment delay; open
 * promises on their promised date; running plans' instalments on their due date), beside what came in (payments by
 * value date) in the 13 weeks before and in the current week so far. What was expected before the current week and has
 * not come in is shown apart (late beyond the customer's habit: no date to put it on); what is expected after the 13
 * weeks is shown as "later".
 */
@Component
public class CashForecast {

    /** Weeks forecast, the current one first; as many weeks of actual receipts come before. */
    public static final int WEEKS = 13;

    /** A week from its Monday: what was expected in it and what came in (zero for weeks still to come). */
    public record Week(LocalDate monday, BigDecimal expected, BigDecimal received) {
    }

    /** One currency's forecast: the weeks, oldest first (13 past, then the current and 12 to come). */
    public record Forecast(String currency, BigDecimal expectedBefore, List<Week> weeks, BigDecimal expectedLater) {

        /**
         * What is expected over the {@value CashForecast#WEEKS} weeks from the current one: the sum of their weeks' expected (the
         * past weeks expect nothing), neither "before" nor "later".
         */
        public BigDecimal expectedOverWeeks() {
            return weeks.stream().map(Week::expected).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final CashFigures ledger;
    private final CollectionFigures collection;

    CashForecast(CashFigures ledger, CollectionFigures collection) {
        this.ledger = ledger;
        this.collection = collection;
    }

    public List<Forecast> on(LocalDate today, Collection<UUID> customers) {
        LocalDate monday = mondayOf(today);
        List<OnDay> expected = new ArrayList<>(ledger.owedByExpectedDay(collection.invoicesPromisedOrInPlan(customers), customers));
        for (ExpectedReceipt receipt : collection.expectedFrom(monday, customers)) {
            expected.add(new OnDay(receipt.currency(), receipt.day(), receipt.amount()));
        }
        List<OnDay> received = ledger.receivedBetween(monday.minusWeeks(WEEKS), today, customers);
        return of(today, expected, received);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static List<Forecast> of(LocalDate today, List<OnDay> expected, List<OnDay> received) {
        LocalDate monday = mondayOf(today);
        LocalDate first = monday.minusWeeks(WEEKS);
        Map<String, Totals> byCurrency = new TreeMap<>(Currencies.EUR_FIRST);
        for (OnDay amount : expected) {
            Totals totals = byCurrency.computeIfAbsent(amount.currency(), c -> new Totals(first));
            long week = ChronoUnit.WEEKS.between(monday, mondayOf(amount.day()));
            if (week < 0) {
                totals.before = totals.before.add(amount.amount());
            } else if (week >= WEEKS) {
                totals.later = totals.later.add(amount.amount());
            } else {
                totals.expected[WEEKS + (int) week] = totals.expected[WEEKS + (int) week].add(amount.amount());
            }
        }
        for (OnDay amount : received) {
            Totals totals = byCurrency.computeIfAbsent(amount.currency(), c -> new Totals(first));
            int week = (int) ChronoUnit.WEEKS.between(first, mondayOf(amount.day()));
            totals.received[week] = totals.received[week].add(amount.amount());
        }
        return byCurrency.entrySet().stream().map(e -> e.getValue().forecast(e.getKey())).toList();
    }

    /** One currency's sums while they are added up: 13 past weeks, then 13 from the current one. */
    private static final class Totals {
        private final LocalDate first;
        private final BigDecimal[] expected = zeros();
        private final BigDecimal[] received = zeros();
        private BigDecimal before = BigDecimal.ZERO;
        private BigDecimal later = BigDecimal.ZERO;

        Totals(LocalDate first) {
            this.first = first;
        }

        private static BigDecimal[] zeros() {
            BigDecimal[] weeks = new BigDecimal[2 * WEEKS];
            java.util.Arrays.fill(weeks, BigDecimal.ZERO);
            return weeks;
        }

        Forecast forecast(String currency) {
            List<Week> weeks = new ArrayList<>();
            for (int i = 0; i < 2 * WEEKS; i++) {
                weeks.add(new Week(first.plusWeeks(i), expected[i], received[i]));
            }
            return new Forecast(currency, before, List.copyOf(weeks), later);
        }
    }
}

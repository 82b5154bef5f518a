package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.dashboard.CashForecast.Forecast;
import io.recouvra.dashboard.CashForecast.Week;
import io.recouvra.receivables.CashFigures.OnDay;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forecast's weeks, worked by hand. Today Wednesday 16 December 2026: the current week starts Monday 14 December
 * (week 13, counting from 0); the 13 weeks before start Monday 14 September (week 0); the last forecast week starts
 * 14 December + 12 × 7 = 84 days = Monday 8 March 2027 (week 25).
 * <pre>
 * expected (already shifted by each customer's delay)
 *   EUR 1 000.00  Fri 11 Dec 2026  before the current week: "expected before", not in a week
 *   EUR   500.00  Mon 14 Dec       week 13
 *   EUR   250.00  Sun 20 Dec       week 13                 → week 13 expects 750.00
 *   EUR   300.00  Mon 21 Dec       week 14
 *   EUR   700.00  Sun 14 Mar 2027  week 25, the last
 *   EUR   900.00  Mon 15 Mar 2027  after the 13 weeks: "later"
 *   USD    40.00  Tue 22 Dec       week 14
 * received (value dates)
 *   EUR   200.00  Mon 14 Sep       week 0
 *   EUR   150.00  Tue 15 Dec       week 13
 *   EUR    50.00  Wed 16 Dec       week 13                 → week 13 received 200.00 so far
 *   GBP    10.00  Fri 11 Dec       week 12
 * </pre>
 */
@FastTest
class CashForecastTest {

    @Test
    void expectedAndReceivedAmountsFallInTheirWeeksPerCurrencyEurFirst() {
        List<Forecast> forecasts = CashForecast.of(LocalDate.of(2026, 12, 16),
                List.of(eur("1000.00", 2026, 12, 11), eur("500.00", 2026, 12, 14), eur("250.00", 2026, 12, 20),
                        eur("300.00", 2026, 12, 21), eur("700.00", 2027, 3, 14), eur("900.00", 2027, 3, 15),
                        new OnDay("USD", LocalDate.of(2026, 12, 22), new BigDecimal("40.00"))),
                List.of(eur("200.00", 2026, 9, 14), eur("150.00", 2026, 12, 15), eur("50.00", 2026, 12, 16),
                        new OnDay("GBP", LocalDate.of(2026, 12, 11), new BigDecimal("10.00"))));

        assertThat(forecasts).extracting(Forecast::currency).containsExactly("EUR", "GBP", "USD");
        Forecast eur = forecasts.get(0);
        assertThat(eur.weeks()).hasSize(26);
        assertThat(eur.weeks().get(0).monday()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(eur.weeks().get(13).monday()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(eur.weeks().get(25).monday()).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(eur.expectedBefore()).isEqualByComparingTo("1000.00");
        assertThat(eur.expectedLater()).isEqualByComparingTo("900.00");
        assertWeek(eur.weeks().get(0), "0", "200.00");
        assertWeek(eur.weeks().get(13), "750.00", "200.00");
        assertWeek(eur.weeks().get(14), "300.00", "0");
        assertWeek(eur.weeks().get(25), "700.00", "0");
        BigDecimal expectedInWeeks = eur.weeks().stream().map(Week::expected).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(expectedInWeeks).isEqualByComparingTo("1750.00"); // 750 + 300 + 700
        assertWeek(forecasts.get(1).weeks().get(12), "0", "10.00");
        assertWeek(forecasts.get(2).weeks().get(14), "40.00", "0");
    }

    /**
     * The CSV of the same example, every line: per currency (EUR, GBP, USD) "attendu avant", the 26 weeks from Monday
     * 14 September 2026 (the weeks not listed in the example expect and receive 0), "attendu plus tard", then the
     * headline's total over the 13 weeks from the current one: EUR 750.00 + 300.00 + 700.00 = 1 750.00 (the 1 000.00
     * before and the 900.00 later are not in it), GBP 0 (it only received), USD 40.00.
     */
    @Test
    void theCsvListsEachCurrencysWeeksThenItsTotalOverTheThirteenWeeks() {
        List<Forecast> forecasts = CashForecast.of(LocalDate.of(2026, 12, 16),
                List.of(eur("1000.00", 2026, 12, 11), eur("500.00", 2026, 12, 14), eur("250.00", 2026, 12, 20),
                        eur("300.00", 2026, 12, 21), eur("700.00", 2027, 3, 14), eur("900.00", 2027, 3, 15),
                        new OnDay("USD", LocalDate.of(2026, 12, 22), new BigDecimal("40.00"))),
                List.of(eur("200.00", 2026, 9, 14), eur("150.00", 2026, 12, 15), eur("50.00", 2026, 12, 16),
                        new OnDay("GBP", LocalDate.of(2026, 12, 11), new BigDecimal("10.00"))));

        List<String> lines = new ArrayList<>(List.of("\uFEFFdevise;semaine du;attendu;encaisse"));
        lines.add("EUR;attendu avant;1000,00;");
        lines.addAll(weeks("EUR", Map.of(0, "0;200,00", 13, "750,00;200,00", 14, "300,00;0", 25, "700,00;0")));
        lines.add("EUR;attendu plus tard;900,00;");
        lines.add("EUR;attendu sur les 13 semaines;1750,00;");
        lines.add("GBP;attendu avant;0;");
        lines.addAll(weeks("GBP", Map.of(12, "0;10,00")));
        lines.add("GBP;attendu plus tard;0;");
        lines.add("GBP;attendu sur les 13 semaines;0;");
        lines.add("USD;attendu avant;0;");
        lines.addAll(weeks("USD", Map.of(14, "40,00;0")));
        lines.add("USD;attendu plus tard;0;");
        lines.add("USD;attendu sur les 13 semaines;40,00;");
        assertThat(ForecastPage.csv(forecasts).toString()).isEqualTo(String.join("\r\n", lines) + "\r\n");
    }

    /** The 26 week lines of a currency from Monday 14 September 2026: "expected;received" of the weeks given, else "0;0". */
    private static List<String> weeks(String currency, Map<Integer, String> amounts) {
        List<String> weeks = new ArrayList<>();
        for (int week = 0; week < 26; week++) {
            LocalDate monday = LocalDate.of(2026, 9, 14).plusWeeks(week);
            weeks.add(currency + ";" + monday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";"
                    + amounts.getOrDefault(week, "0;0"));
        }
        return weeks;
    }

    private static void assertWeek(Week week, String expected, String received) {
        assertThat(week.expected()).isEqualByComparingTo(expected);
        assertThat(week.received()).isEqualByComparingTo(received);
    }

    private static OnDay eur(String amount, int year, int month, int day) {
        return new OnDay("EUR", LocalDate.of(year, month, day), new BigDecimal(amount));
    }
}

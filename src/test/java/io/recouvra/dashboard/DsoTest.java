package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.dashboard.Dso.Figures;
import io.recouvra.dashboard.Dso.Method;
import io.recouvra.dashboard.Dso.MonthlySales;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example every figure is checked against, computed by hand:
 * <pre>
 * month           days  sales
 * January 2026     31   30 000
 * February 2026    28   28 000
 * March 2026       31   31 000      period: 90 days, 89 000 of sales
 * receivables at 31 Dec 2025 (opening): 40 000
 * receivables at 31 Mar 2026 (closing): 45 000, of which 25 000 current (not yet due)
 * </pre>
 */
class DsoTest {

    private static final List<MonthlySales> QUARTER = List.of(
            new MonthlySales(YearMonth.of(2026, 1), new BigDecimal("30000")),
            new MonthlySales(YearMonth.of(2026, 2), new BigDecimal("28000")),
            new MonthlySales(YearMonth.of(2026, 3), new BigDecimal("31000")));

    @Test
    void countbackConsumesTheNewestMonthsFirst() {
        // 45 000 − March's 31 000 = 14 000 left: March's 31 days;
        // 14 000 of February's 28 000 = half of its 28 days = 14 days. DSO = 31 + 14 = 45.0
        assertThat(Dso.countback(new BigDecimal("45000"), QUARTER)).contains(new BigDecimal("45.0"));
        // best possible: 25 000 of March's 31 000 × 31 days = 25.0; ADD = 45.0 − 25.0 = 20.0
        Figures figures = Dso.of(Method.COUNTBACK, new BigDecimal("45000"), new BigDecimal("25000"), QUARTER);
        assertThat(figures.dso()).contains(new BigDecimal("45.0"));
        assertThat(figures.bestPossible()).contains(new BigDecimal("25.0"));
        assertThat(figures.averageDaysDelinquent()).contains(new BigDecimal("20.0"));
    }

    @Test
    void simpleDividesByThePeriodsDailySales() {
        // 45 000 ÷ 89 000 × 90 = 45.5056… → 45.5
        assertThat(Dso.simple(new BigDecimal("45000"), QUARTER)).contains(new BigDecimal("45.5"));
        // best possible: 25 000 ÷ 89 000 × 90 = 25.2809… → 25.3;
        // ADD from the unrounded figures: 20 000 ÷ 89 000 × 90 = 20.2247… → 20.2
        Figures figures = Dso.of(Method.SIMPLE, new BigDecimal("45000"), new BigDecimal("25000"), QUARTER);
        assertThat(figures.dso()).contains(new BigDecimal("45.5"));
        assertThat(figures.bestPossible()).contains(new BigDecimal("25.3"));
        assertThat(figures.averageDaysDelinquent()).contains(new BigDecimal("20.2"));
    }

    @Test
    void collectionEffectivenessLeavesTheNotYetDueAside() {
        // collected: 40 000 + 89 000 − 45 000 = 84 000; collectable: 40 000 + 89 000 − 25 000 = 104 000;
        // 84 000 ÷ 104 000 × 100 = 80.769… → 80.8 %
        assertThat(Dso.collectionEffectiveness(new BigDecimal("40000"), new BigDecimal("89000"), new BigDecimal("45000"),
                new BigDecimal("25000"))).contains(new BigDecimal("80.8"));
        // everything collected that could be: closing receivables all current → 100.0 %
        assertThat(Dso.collectionEffectiveness(new BigDecimal("40000"), new BigDecimal("89000"), new BigDecimal("25000"),
                new BigDecimal("25000"))).contains(new BigDecimal("100.0"));
    }

    @Test
    void figuresTheSalesCannotCarryAreLeftEmpty() {
        // 100 000 of receivables outlast the quarter's 89 000 of sales: older than every month given
        assertThat(Dso.countback(new BigDecimal("100000"), QUARTER)).isEmpty();
        assertThat(Dso.simple(new BigDecimal("45000"), List.of(new MonthlySales(YearMonth.of(2026, 1), BigDecimal.ZERO))))
                .isEmpty();
        // opening 0 + sales 10 000 − closing current 10 000: nothing was collectable
        assertThat(Dso.collectionEffectiveness(BigDecimal.ZERO, new BigDecimal("10000"), new BigDecimal("10000"),
                new BigDecimal("10000"))).isEmpty();
        // no receivables: 0 days
        assertThat(Dso.countback(BigDecimal.ZERO, QUARTER)).contains(new BigDecimal("0.0"));
    }
}

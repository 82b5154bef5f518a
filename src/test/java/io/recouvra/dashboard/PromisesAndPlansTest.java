package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionFigures.PlanTally;
import io.recouvra.collection.CollectionFigures.PromiseTally;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Promises and plans kept versus broken, from the grouped rows, worked by hand:
 * <pre>
 * promises falling due in the period   status  count  amount
 *   USD                                BROKEN    2     300.00
 *   USD                                KEPT      1     100.00
 *   EUR                                KEPT      3   1 750.00  (1 000 + 500 + 250)
 *   EUR                                BROKEN    1     400.00
 *   EUR                                OPEN      2     600.00  pending: the promised date is not judged yet
 * EUR kept rate: 3 ÷ (3 + 1) × 100 = 75.0; USD: 1 ÷ (1 + 2) × 100 = 33.33… = 33.3
 *
 * plans                                status     count  total
 *   EUR                                COMPLETED    2   2 400.00  kept
 *   EUR                                BROKEN       1     900.00
 *   EUR                                ACTIVE       3   3 000.00  pending: still running
 *   CHF                                ACTIVE       1     500.00  none ended: no rate
 * EUR kept rate: 2 ÷ (2 + 1) × 100 = 66.66… = 66.7
 * </pre>
 */
@FastTest
class PromisesAndPlansTest {

    @Test
    void promisesAreKeptBrokenOrPendingPerCurrencyEurFirst() {
        List<Keeping> promises = PromisesAndPlans.ofPromises(List.of(
                new PromiseTally("USD", "BROKEN", 2, new BigDecimal("300.00")),
                new PromiseTally("USD", "KEPT", 1, new BigDecimal("100.00")),
                new PromiseTally("EUR", "KEPT", 3, new BigDecimal("1750.00")),
                new PromiseTally("EUR", "BROKEN", 1, new BigDecimal("400.00")),
                new PromiseTally("EUR", "OPEN", 2, new BigDecimal("600.00"))));

        assertThat(promises).containsExactly(
                new Keeping("EUR", 3, new BigDecimal("1750.00"), 1, new BigDecimal("400.00"), 2, new BigDecimal("600.00")),
                new Keeping("USD", 1, new BigDecimal("100.00"), 2, new BigDecimal("300.00"), 0, BigDecimal.ZERO));
        assertThat(promises.get(0).keptRate()).contains(new BigDecimal("75.0"));
        assertThat(promises.get(1).keptRate()).contains(new BigDecimal("33.3"));
    }

    @Test
    void plansAreKeptWhenCompletedAndRunningOnesHaveNoRateYet() {
        List<Keeping> plans = PromisesAndPlans.ofPlans(List.of(
                new PlanTally("CHF", "ACTIVE", 1, new BigDecimal("500.00")),
                new PlanTally("EUR", "ACTIVE", 3, new BigDecimal("3000.00")),
                new PlanTally("EUR", "BROKEN", 1, new BigDecimal("900.00")),
                new PlanTally("EUR", "COMPLETED", 2, new BigDecimal("2400.00"))));

        assertThat(plans).extracting(Keeping::currency).containsExactly("EUR", "CHF");
        Keeping eur = plans.get(0);
        assertThat(eur.kept()).isEqualTo(2);
        assertThat(eur.keptAmount()).isEqualByComparingTo("2400.00");
        assertThat(eur.broken()).isEqualTo(1);
        assertThat(eur.brokenAmount()).isEqualByComparingTo("900.00");
        assertThat(eur.pending()).isEqualTo(3);
        assertThat(eur.pendingAmount()).isEqualByComparingTo("3000.00");
        assertThat(eur.keptRate()).contains(new BigDecimal("66.7"));
        assertThat(plans.get(1).pending()).isEqualTo(1);
        assertThat(plans.get(1).keptRate()).isEmpty();
    }
}

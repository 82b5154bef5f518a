package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.RecoveryStages.StageTally;
import io.recouvra.dashboard.RecoveryByStage.Recovery;
import io.recouvra.dashboard.RecoveryByStage.Stage;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recovery by stage from the grouped rows of the invoices settled in a period, worked by hand:
 * <pre>
 * EUR  stage reached last     invoices  recovered   written off  agency commission
 *      BEFORE_DUE                4      10 000.00
 *      PRE_DUE_REMINDER          2       3 000.00
 *      REMINDER_1                3       4 500.00
 *      REMINDER_4                1         500.00                  (a fourth level: after the third, before the call)
 *      CALL                      2       1 200.00
 *      FORMAL_NOTICE             1         800.00
 *      AGENCY                    1       1 000.00                150.00 → net 850.00
 *      WRITTEN_OFF               1         200.00   1 800.00     (paid 200.00 before the rest was given up)
 *      total                    15      21 200.00   1 800.00
 *   shares of 21 200.00: 10 000 → 47.169… = 47.2; 3 000 → 14.150… = 14.2; 4 500 → 21.226… = 21.2; 500 → 2.358… = 2.4;
 *   1 200 → 5.660… = 5.7; 800 → 3.773… = 3.8; 1 000 → 4.716… = 4.7; 200 → 0.943… = 0.9; stages with nothing: 0.0
 *   recovery rate: 21 200 ÷ (21 200 + 1 800) × 100 = 21 200 ÷ 23 000 × 100 = 92.173… = 92.2
 * CHF  WRITTEN_OFF               1           0.00      50.00     nothing recovered: no share; rate 0 ÷ 50 = 0.0
 * USD  BEFORE_DUE                1         100.00                share 100.0, rate 100.0
 * currencies: EUR first, then CHF, USD
 * </pre>
 */
@FastTest
class RecoveryByStageTest {

    private static StageTally tally(String currency, String stage, long count, String recovered, String writtenOff,
                                    String commission) {
        return new StageTally(currency, stage, count, new BigDecimal(recovered), new BigDecimal(writtenOff),
                new BigDecimal(commission));
    }

    private final List<Recovery> recoveries = RecoveryByStage.of(List.of(
            tally("USD", "BEFORE_DUE", 1, "100.00", "0.00", "0.00"),
            tally("EUR", "AGENCY", 1, "1000.00", "0.00", "150.00"),
            tally("EUR", "BEFORE_DUE", 4, "10000.00", "0.00", "0.00"),
            tally("EUR", "CALL", 2, "1200.00", "0.00", "0.00"),
            tally("EUR", "FORMAL_NOTICE", 1, "800.00", "0.00", "0.00"),
            tally("EUR", "PRE_DUE_REMINDER", 2, "3000.00", "0.00", "0.00"),
            tally("EUR", "REMINDER_1", 3, "4500.00", "0.00", "0.00"),
            tally("EUR", "REMINDER_4", 1, "500.00", "0.00", "0.00"),
            tally("EUR", "WRITTEN_OFF", 1, "200.00", "1800.00", "0.00"),
            tally("CHF", "WRITTEN_OFF", 1, "0.00", "50.00", "0.00")));

    @Test
    void eachCurrencyApartEurFirst() {
        assertThat(recoveries).extracting(Recovery::currency).containsExactly("EUR", "CHF", "USD");
    }

    @Test
    void theSharesOfWhatWasRecoveredAndTheRecoveryRate() {
        Recovery eur = recoveries.get(0);

        assertThat(eur.count()).isEqualTo(15);
        assertThat(eur.recovered()).isEqualByComparingTo("21200.00");
        assertThat(eur.writtenOff()).isEqualByComparingTo("1800.00");
        assertThat(eur.recoveryRate()).contains(new BigDecimal("92.2"));
        assertThat(eur.stages()).extracting(Stage::stage).containsExactly("BEFORE_DUE", "PRE_DUE_REMINDER", "LATE_UNCHASED",
                "REMINDER_1", "REMINDER_2", "REMINDER_3", "REMINDER_4", "CALL", "FORMAL_NOTICE", "INSURER", "AGENCY", "COURT",
                "WRITTEN_OFF");
        assertThat(eur.stages()).extracting(stage -> stage.share().orElseThrow().toPlainString()).containsExactly(
                "47.2", "14.2", "0.0", "21.2", "0.0", "0.0", "2.4", "5.7", "3.8", "0.0", "4.7", "0.0", "0.9");
        assertThat(eur.stage("REMINDER_1").count()).isEqualTo(3);
        assertThat(eur.stage("WRITTEN_OFF").writtenOff()).isEqualByComparingTo("1800.00");
    }

    @Test
    void anAgencysRecoveryGrossAndNetOfItsCommission() {
        Stage agency = recoveries.get(0).stage("AGENCY");

        assertThat(agency.recovered()).isEqualByComparingTo("1000.00");
        assertThat(agency.commission()).isEqualByComparingTo("150.00");
        assertThat(agency.net()).isEqualByComparingTo("850.00");
    }

    @Test
    void nothingRecoveredHasNoShareButARateOfNothing() {
        Recovery chf = recoveries.get(1);
        Recovery usd = recoveries.get(2);

        assertThat(chf.stage("WRITTEN_OFF").share()).isEmpty();
        assertThat(chf.recoveryRate()).contains(new BigDecimal("0.0"));
        assertThat(usd.stage("BEFORE_DUE").share()).contains(new BigDecimal("100.0"));
        assertThat(usd.recoveryRate()).contains(new BigDecimal("100.0"));
    }
}

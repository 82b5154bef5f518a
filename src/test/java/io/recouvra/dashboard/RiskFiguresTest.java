package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.dashboard.RiskFigures.CustomerRisk;
import io.recouvra.insurance.BuyerCovers.Cover;
import io.recouvra.insurance.CreditInsurer.CoverStatus;
import io.recouvra.receivables.Exposures.Exposure;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exposure against the credit limit (in EUR) and the insurer's cover (in the policy's currency, EUR here), worked by
 * hand on 15 December 2026:
 * <pre>
 * customer  currency  exposure   limit      cover                                 headroom    insured   uninsured
 * A         EUR       12 000.00  10 000.00  APPROVED 8 000.00, 1 Jan–31 Dec 2026  −2 000.00   8 000.00  4 000.00  over
 * A         USD        3 000.00  10 000.00  (the cover is in EUR)                  none           0      3 000.00
 * B         EUR        5 000.00  none       REDUCED 6 000.00, ended 14 Dec 2026    none           0      5 000.00
 * C         EUR        2 500.00   3 000.00  APPROVED 4 000.00, no dates               500.00   4 000.00      0
 * D         EUR        1 000.00   1 000.00  none                                        0.00       0      1 000.00  not over
 * </pre>
 */
@FastTest
class RiskFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    @Test
    void exposureIsSetAgainstTheLimitInEurosAndTheCoverInForce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        List<CustomerRisk> risks = RiskFigures.of(List.of(
                        exposure(a, "EUR", "12000.00", "4000.00", "10000.00"),
                        exposure(a, "USD", "3000.00", "0", "10000.00"),
                        exposure(b, "EUR", "5000.00", "5000.00", null),
                        exposure(c, "EUR", "2500.00", "0", "3000.00"),
                        exposure(d, "EUR", "1000.00", "0", "1000.00")),
                Map.of(a, cover(a, CoverStatus.APPROVED, "8000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                        b, cover(b, CoverStatus.REDUCED, "6000.00", null, LocalDate.of(2026, 12, 14)),
                        c, cover(c, CoverStatus.APPROVED, "4000.00", null, null)),
                Optional.of("EUR"), DAY);

        assertRisk(risks.get(0), "-2000.00", "8000.00", "4000.00");
        assertThat(risks.get(0).overLimit()).isTrue();
        assertRisk(risks.get(1), null, "0", "3000.00");
        assertThat(risks.get(1).overLimit()).isFalse();
        assertRisk(risks.get(2), null, "0", "5000.00");
        assertRisk(risks.get(3), "500.00", "4000.00", "0");
        assertRisk(risks.get(4), "0.00", "0", "1000.00");
        assertThat(risks.get(4).overLimit()).isFalse();
    }

    @Test
    void withoutAPolicyNothingIsInsured() {
        UUID a = UUID.randomUUID();
        List<CustomerRisk> risks = RiskFigures.of(List.of(exposure(a, "EUR", "12000.00", "0", null)),
                Map.of(a, cover(a, CoverStatus.APPROVED, "8000.00", null, null)), Optional.empty(), DAY);

        assertRisk(risks.get(0), null, "0", "12000.00");
    }

    private static void assertRisk(CustomerRisk risk, String headroom, String insured, String uninsured) {
        if (headroom == null) {
            assertThat(risk.headroom()).isEmpty();
        } else {
            assertThat(risk.headroom()).hasValueSatisfying(h -> assertThat(h).isEqualByComparingTo(headroom));
        }
        assertThat(risk.insured()).isEqualByComparingTo(insured);
        assertThat(risk.uninsured()).isEqualByComparingTo(uninsured);
    }

    private static Exposure exposure(UUID customer, String currency, String exposure, String overdue, String limit) {
        return new Exposure(customer, "Customer " + customer, currency, new BigDecimal(exposure), new BigDecimal(overdue),
                limit == null ? null : new BigDecimal(limit));
    }

    private static Cover cover(UUID customer, CoverStatus status, String limit, LocalDate from, LocalDate to) {
        return new Cover(customer, status, new BigDecimal(limit), new BigDecimal(limit), from, to, "REF", null);
    }
}

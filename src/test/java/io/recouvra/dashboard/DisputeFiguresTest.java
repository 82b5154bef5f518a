package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionFigures.DisputeCredit;
import io.recouvra.collection.CollectionFigures.DisputeTally;
import io.recouvra.dashboard.DisputeFigures.Credited;
import io.recouvra.dashboard.DisputeFigures.Report;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Disputes against the 5-business-day service level, worked by hand on the calendar of December 2026 (1 December is a
 * Tuesday; Friday 25 December and Friday 1 January 2027 are public holidays), today Thursday 31 December 2026.
 * Business days are counted after the day raised, up to and including the day resolved; the deadline is the 5th.
 * <pre>
 * resolved  reason    root cause      raised      resolved    business days                 deadline  in time
 *  1        PRICE     PRICING_ERROR   Tue  1 Dec  Mon  7 Dec  2,3,4,7 = 4                   Tue  8    yes
 *  2        QUALITY   QUALITY_DEFECT  Fri 18 Dec  Tue 29 Dec  21,22,23,24,(25),28,29 = 6    Mon 28    no (both)
 *  1        DELIVERY  (none given)    Wed  9 Dec  Wed 16 Dec  10,11,14,15,16 = 5            Wed 16    yes
 * resolved 4: PRICING_ERROR 1, QUALITY_DEFECT 2, NOT_GIVEN 1; in time 2 ÷ 4 = 50.0 %;
 * mean business days (4 + 2 × 6 + 5) ÷ 4 = 21 ÷ 4 = 5.25, rounded half-up 5.3
 *
 * open      reason    raised      deadline                         past it on 31 Dec
 *  1        PRICE     Mon 14 Dec  15,16,17,18,21: Mon 21 Dec       yes
 *  1        OTHER     Tue 29 Dec  30,31,(1 Jan),4,5,6: Wed 6 Jan   no
 *  2        PRICE     Wed 30 Dec  Thu 7 Jan                        no
 * open 4: OTHER 1, PRICE 3; past the deadline 1
 *
 * credits: invoice a 120.00 EUR, invoice b 80.50 EUR, invoice c 40.00 USD
 *          EUR 200.50 on 2 invoices, USD 40.00 on 1
 * </pre>
 */
@FastTest
class DisputeFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    @Test
    void disputesAreMeasuredAgainstTheirDeadlineInBusinessDays() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Report report = DisputeFigures.of(List.of(
                        resolved("PRICE", "PRICING_ERROR", 1, 7, 1),
                        resolved("QUALITY", "QUALITY_DEFECT", 18, 29, 2),
                        resolved("DELIVERY", null, 9, 16, 1),
                        open("PRICE", 14, 1),
                        open("OTHER", 29, 1),
                        open("PRICE", 30, 2)),
                List.of(new DisputeCredit(a, new BigDecimal("120.00")), new DisputeCredit(c, new BigDecimal("40.00")),
                        new DisputeCredit(b, new BigDecimal("80.50"))),
                Map.of(a, "EUR", b, "EUR", c, "USD"), TODAY, reason -> 5);

        assertThat(report.open()).isEqualTo(4);
        assertThat(report.openByReason()).containsExactly(Map.entry("OTHER", 1L), Map.entry("PRICE", 3L));
        assertThat(report.openPastDeadline()).isEqualTo(1);
        assertThat(report.resolved()).isEqualTo(4);
        assertThat(report.resolvedByRootCause()).containsExactly(Map.entry("NOT_GIVEN", 1L),
                Map.entry("PRICING_ERROR", 1L), Map.entry("QUALITY_DEFECT", 2L));
        assertThat(report.resolvedWithinSla()).isEqualTo(2);
        assertThat(report.withinSlaRate()).contains(new BigDecimal("50.0"));
        assertThat(report.averageBusinessDays()).contains(new BigDecimal("5.3"));
        assertThat(report.credited()).containsExactly(new Credited("EUR", 2, new BigDecimal("200.50")),
                new Credited("USD", 1, new BigDecimal("40.00")));
    }

    @Test
    void aDisputeResolvedOnTheSaturdayAfterItsDeadlineIsLateThoughItTookFiveBusinessDays() {
        // raised Mon 7 Dec: 8,9,10,11,14 → deadline Mon 14 Dec. Resolved Sat 12 Dec: 8,9,10,11 = 4 days, in time.
        // Raised Fri 4 Dec: 7,8,9,10,11 → deadline Fri 11 Dec; resolved Sat 12 Dec: still 5 business days, but late.
        Report report = DisputeFigures.of(List.of(resolved("PRICE", "OTHER", 7, 12, 1), resolved("PRICE", "OTHER", 4, 12, 1)),
                List.of(), Map.of(), TODAY, reason -> 5);

        assertThat(report.resolvedWithinSla()).isEqualTo(1);
        assertThat(report.averageBusinessDays()).contains(new BigDecimal("4.5"));
    }

    @Test
    void noDisputeGivesNoRateAndNoMean() {
        Report report = DisputeFigures.of(List.of(), List.of(), Map.of(), TODAY, reason -> 5);

        assertThat(report.withinSlaRate()).isEmpty();
        assertThat(report.averageBusinessDays()).isEmpty();
        assertThat(report.credited()).isEmpty();
    }

    private static DisputeTally resolved(String reason, String rootCause, int raisedDay, int resolvedDay, long count) {
        return new DisputeTally(reason, rootCause, LocalDate.of(2026, 12, raisedDay), LocalDate.of(2026, 12, resolvedDay), count);
    }

    private static DisputeTally open(String reason, int raisedDay, long count) {
        return new DisputeTally(reason, null, LocalDate.of(2026, 12, raisedDay), null, count);
    }
}

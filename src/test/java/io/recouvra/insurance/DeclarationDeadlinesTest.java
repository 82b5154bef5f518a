package io.recouvra.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.insurance.InsurancePolicy.DeclarationBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Policy deadlines against hand computations, over month ends, weekends and public holidays. */
class DeclarationDeadlinesTest {

    @ParameterizedTest(name = "{0} {1} (extension {2}, margin {3}): due {4}, oldest unpaid {5}, extended to {6} -> deadline {7}, declare {8}")
    @CsvSource(nullValues = "-", value = {
            // 31 Jan + 60 days: 28 days of February, 31 of March, then 1 April; 5 days before is a Friday
            "DUE_DATE, P60D, P0D, 5, 2026-01-31, -, -, 2026-04-01, 2026-03-27",
            // two months after 31 December is the last day of February, a Sunday: declared the Friday before
            "DUE_DATE, P2M, P0D, 0, 2026-12-31, -, -, 2027-02-28, 2027-02-26",
            // 60 days of extension to 30 December, 30 more to 29 January; less 5 is Sunday 24: Friday 22
            "MAX_EXTENSION, P30D, P60D, 5, 2026-10-31, -, -, 2027-01-29, 2027-01-22",
            // counted from the buyer's oldest unpaid invoice (31 May), not this one (15 June)
            "OLDEST_UNPAID, P90D, P0D, 10, 2026-06-15, 2026-05-31, -, 2026-08-29, 2026-08-19",
            // a younger oldest-unpaid does not push the deadline past this invoice's own
            "OLDEST_UNPAID, P90D, P0D, 10, 2026-05-31, 2026-06-15, -, 2026-08-29, 2026-08-19",
            // 4 days before Sunday 15 November is 11 November, a public holiday: Tuesday 10
            "DUE_DATE, P60D, P0D, 4, 2026-09-16, -, -, 2026-11-15, 2026-11-10",
            // an extension the insurer agreed to moves the start: 31 May + 60 days = Thursday 30 July
            "DUE_DATE, P60D, P0D, 5, 2026-03-31, -, 2026-05-31, 2026-07-30, 2026-07-24",
            // month end to month end by months: 31 January + 1 month = 28 February 2026 (a Saturday)
            "DUE_DATE, P1M, P0D, 0, 2026-01-31, -, -, 2026-02-28, 2026-02-27"})
    void deadlineAndDeclarationDay(DeclarationBasis basis, String period, String extension, int margin, LocalDate due,
                                   LocalDate oldestUnpaid, LocalDate extendedUntil, LocalDate deadline, LocalDate declareBy) {
        InsurancePolicy policy = new InsurancePolicy(UUID.randomUUID(), "Insurer", "POL-1", "EUR", new BigDecimal("90"),
                new BigDecimal("70"), new BigDecimal("10000"), 120, basis, Period.parse(period), Period.parse(extension),
                Period.ofMonths(5), BigDecimal.ZERO, margin);

        LocalDate computed = DeclarationDeadlines.deadline(policy, due, oldestUnpaid, extendedUntil);

        assertThat(computed).isEqualTo(deadline);
        assertThat(DeclarationDeadlines.declareBy(policy, computed)).isEqualTo(declareBy);
    }
}

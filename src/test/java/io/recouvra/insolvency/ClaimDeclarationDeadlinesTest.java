package io.recouvra.insolvency;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadlines of R. 622-24, L. 622-26, L. 624-9 and L. 622-27, counted as CPC 641 and 642 count them. */
@FastTest
class ClaimDeclarationDeadlinesTest {

    @Test
    void twoMonthsSixMonthsAndThreeMonthsFromThePublication() {
        ClaimDeclarationDeadlines deadlines = ClaimDeclarationDeadlines.from(LocalDate.of(2026, 3, 12), false);

        assertThat(deadlines.declaration()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(deadlines.relief()).as("12 September 2026 is a Saturday").isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(deadlines.retention()).isEqualTo(LocalDate.of(2026, 6, 12));
    }

    @Test
    void fourMonthsForACreditorOutsideMetropolitanFrance() {
        assertThat(ClaimDeclarationDeadlines.from(LocalDate.of(2026, 3, 12), true).declaration())
                .as("12 July 2026 is a Sunday").isEqualTo(LocalDate.of(2026, 7, 13));
    }

    @Test
    void aLastDayOnAPublicHolidayOrPastTheMonthsEndMovesToTheNextWorkingDay() {
        assertThat(ClaimDeclarationDeadlines.from(LocalDate.of(2026, 3, 14), false).declaration())
                .as("14 May 2026 is Ascension Thursday").isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(ClaimDeclarationDeadlines.from(LocalDate.of(2026, 12, 31), false).declaration())
                .as("no 31 February: the month's last day, Sunday 28 February 2027, then Monday").isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void thirtyDaysToAnswerTheRepresentativesContest() {
        assertThat(ClaimDeclarationDeadlines.contestAnswer(LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ClaimDeclarationDeadlines.contestAnswer(LocalDate.of(2026, 6, 14))).as("14 July").isEqualTo(LocalDate.of(2026, 7, 15));
    }
}

package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OverduePolicyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anInvoiceIsOverdueFromTheDayAfterItsDueDatePlusTheGraceDays() {
        assertThat(new OverduePolicy(PARIS, 0).overdueSince(LocalDate.of(2026, 11, 30))).isEqualTo("2026-12-01");
        assertThat(new OverduePolicy(PARIS, 5).overdueSince(LocalDate.of(2026, 11, 30))).isEqualTo("2026-12-06");
    }

    @Test
    void theDayTurnsOverAtMidnightInTheBusinessTimeZoneAcrossDaylightSavingChanges() {
        OverduePolicy policy = new OverduePolicy(PARIS, 0);
        // Paris leaves summer time in the night of 24 to 25 October 2026
        assertThat(policy.overdueAt(LocalDate.of(2026, 10, 24)).toInstant()).hasToString("2026-10-24T22:00:00Z");
        assertThat(policy.overdueAt(LocalDate.of(2026, 10, 25)).toInstant()).hasToString("2026-10-25T23:00:00Z");
    }
}

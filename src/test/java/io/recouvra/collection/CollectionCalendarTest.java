package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CollectionCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final CollectionCalendar calendar = new CollectionCalendar(PARIS,
            Clock.fixed(Instant.parse("2026-10-20T08:00:00Z"), PARIS));

    @Test
    void dunningStartsAtMidnightInTheBusinessTimeZoneAfterTheGraceDaysAcrossDaylightSavingChanges() {
        // Paris leaves summer time in the night of 24 to 25 October 2026
        assertThat(calendar.dunningStartsAt("2026-10-24", 0).toInstant()).hasToString("2026-10-24T22:00:00Z");
        assertThat(calendar.dunningStartsAt("2026-10-25", 0).toInstant()).hasToString("2026-10-25T23:00:00Z");
        assertThat(calendar.dunningStartsAt("2026-10-20", 5).toInstant()).hasToString("2026-10-25T23:00:00Z");
        assertThat(calendar.dunningStartsAt("2026-10-20", null)).as("no grace days given: none")
                .isEqualTo(calendar.dunningStartsAt("2026-10-20", 0));
    }

    @Test
    void aPreDueReminderIsAheadUntilItsDayHasPassedAndNeverWithoutDays() {
        assertThat(calendar.preDueReminderAhead("2026-10-23", 3)).as("its day is today").isTrue();
        assertThat(calendar.preDueReminderAhead("2026-10-22", 3)).as("its day was yesterday").isFalse();
        assertThat(calendar.preDueReminderAhead("2026-12-31", null)).as("no pre-due reminder").isFalse();
    }
}

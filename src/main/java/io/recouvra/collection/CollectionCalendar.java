package io.recouvra.collection;

import io.recouvra.messaging.PublicHolidays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${collectionCalendar}}: the dates InvoiceCollection's timers wait for, counted in the creditor's
 * business time zone. Timers fire at the start of the day; the contact policy then holds each message
 * until the debtor's contact hours.
 */
@Component("collectionCalendar")
public class CollectionCalendar {

    private final ZoneId zone;
    private final Clock clock;

    CollectionCalendar(@Value("${recouvra.zone}") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** The day of the pre-due reminder, {@code daysBefore} the due date. */
    public Date preDueReminderAt(String dueDate, Object daysBefore) {
        return startOf(LocalDate.parse(dueDate).minusDays(((Number) daysBefore).longValue()));
    }

    /**
     * Whether the strategy asks for a pre-due reminder and its day is today or later. (Object, not Integer:
     * the expression language would turn a missing number into 0, a reminder on the due date.)
     */
    public boolean preDueReminderAhead(String dueDate, Object daysBefore) {
        return daysBefore instanceof Number days && !LocalDate.parse(dueDate).minusDays(days.longValue()).isBefore(today());
    }

    /** When dunning starts: the invoice is overdue from the day after its due date, and waits the grace days. */
    public Date dunningStartsAt(String dueDate, Object graceDays) {
        return dayAfter(LocalDate.parse(dueDate), graceDays instanceof Number days ? days.intValue() : 0);
    }

    /** The start of the day after {@code day} plus {@code graceDays}: when a promise or a deadline counts as missed. */
    public Date dayAfter(LocalDate day, int graceDays) {
        return startOf(day.plusDays(1L + graceDays));
    }

    /**
     * The start of the day after {@code days} business days from today (no weekends, no French public
     * holidays): a service level such as "answered within 5 business days".
     */
    public Date businessDaysAhead(int days) {
        return startOf(businessDayAfter(today(), days).plusDays(1));
    }

    /** The business day (in the business time zone) of an instant. */
    LocalDate dayOf(java.time.Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The last of {@code days} business days after {@code from} (no weekends, no French public holidays). */
    LocalDate businessDayAfter(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5 && !PublicHolidays.isHoliday("FR", day)) {
                counted++;
            }
        }
        return day;
    }

    /** The start of a day given as a form gives it ("2026-12-15" or an ISO date-time). */
    public Date startOfDay(Object day) {
        return startOf(FormValues.date(day));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }
}

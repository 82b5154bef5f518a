package io.recouvra.legal;

import io.recouvra.messaging.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deadlines counted in months as the Code de procédure civile counts them: a period of N months from
 * an act ends on the day of the Nth month that bears the same number as the act's day (or the month's
 * last day when there is none: 31 January + 1 month = 28 or 29 February), article 641; it ends at
 * midnight of that day and, when that day is a Saturday, a Sunday or a public holiday, on the next
 * working day, article 642. The injunction's deadlines are all of this kind: service within six months
 * of the order (article 1411), opposition within one month of service or of the first act served in
 * person or measure making the debtor's assets unavailable (article 1416), the month during which the
 * order cannot be enforced (article 1422).
 */
final class ProceduralDeadlines {

    private ProceduralDeadlines() {
    }

    /** The last day on which an act due within {@code months} of {@code from} may still be done. */
    static LocalDate lastDay(LocalDate from, int months) {
        LocalDate day = from.plusMonths(months);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || PublicHolidays.isHoliday("FR", day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The day a reminder goes out {@code months} after {@code from}, not counting the extension for holidays. */
    static LocalDate after(LocalDate from, int months) {
        return from.plusMonths(months);
    }
}

package io.recouvra.insolvency;

import io.recouvra.messaging.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The deadlines of a declaration of claims, all counted from the publication of the opening judgment in the
 * BODACC and as the Code de procédure civile counts them (articles 641 and 642: N months from a day end on the day
 * of the Nth month bearing the same number, or the month's last day; a deadline falling on a Saturday, a Sunday or
 * a public holiday moves to the next working day):
 * <ul>
 * <li>the declaration: two months, four for a creditor outside metropolitan France (R. 622-24 of the Code de commerce);</li>
 * <li>relief from foreclosure: six months (L. 622-26; one year for a creditor who could not know of its claim, which
 * a person records as such, Recouvra does not guess it);</li>
 * <li>the claim for goods sold under retention of title: three months (L. 624-9);</li>
 * <li>the answer to the representative's contest: thirty days from receiving the letter (L. 622-27, R. 624-1).</li>
 * </ul>
 */
record ClaimDeclarationDeadlines(LocalDate declaration, LocalDate relief, LocalDate retention) {

    static ClaimDeclarationDeadlines from(LocalDate bodaccPublishedOn, boolean outsideMetropolitanFrance) {
        return new ClaimDeclarationDeadlines(lastDay(bodaccPublishedOn.plusMonths(outsideMetropolitanFrance ? 4 : 2)),
                lastDay(bodaccPublishedOn.plusMonths(6)), lastDay(bodaccPublishedOn.plusMonths(3)));
    }

    static LocalDate contestAnswer(LocalDate letterReceivedOn) {
        return lastDay(letterReceivedOn.plusDays(30));
    }

    private static LocalDate lastDay(LocalDate day) {
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || PublicHolidays.isHoliday("FR", day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}

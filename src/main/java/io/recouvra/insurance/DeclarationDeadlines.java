package io.recouvra.insurance;

import io.recouvra.messaging.PublicHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The policy's declaration deadline for an overdue invoice, and the day Recouvra declares it: the
 * safety margin before the deadline, moved back to the business day before when it falls on a weekend
 * or a French public holiday (an insurer's office is closed then; declaring early never loses cover).
 */
final class DeclarationDeadlines {

    private DeclarationDeadlines() {
    }

    /**
     * @param oldestUnpaidDueDate the due date of the buyer's oldest unpaid insured invoice (OLDEST_UNPAID only)
     * @param extendedUntil       a due date the insurer agreed to extend to, or null
     */
    static LocalDate deadline(InsurancePolicy policy, LocalDate dueDate, LocalDate oldestUnpaidDueDate, LocalDate extendedUntil) {
        LocalDate from = switch (policy.declarationBasis()) {
            case DUE_DATE -> dueDate;
            case MAX_EXTENSION -> dueDate.plus(policy.maxExtensionPeriod());
            case OLDEST_UNPAID -> oldestUnpaidDueDate != null && oldestUnpaidDueDate.isBefore(dueDate) ? oldestUnpaidDueDate : dueDate;
        };
        if (extendedUntil != null && extendedUntil.isAfter(from)) {
            from = extendedUntil;
        }
        return from.plus(policy.declarationPeriod());
    }

    static LocalDate declareBy(InsurancePolicy policy, LocalDate deadline) {
        LocalDate day = deadline.minusDays(policy.safetyMarginDays());
        while (!isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !PublicHolidays.isHoliday("FR", day);
    }
}

package io.recouvra.receivables;

import io.recouvra.web.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The window a date of the ledger must fall in: an issue date, a due date, a value date or the end of a hold
 * more than {@code recouvra.ledger.plausible-years} (20 by default) before or after today is a typo (2062 for
 * 2026), and would set a timer decades away or an age no report expects. Refused, naming the field.
 */
@Component
public class PlausibleDates {

    private final Clock clock;
    private final int years;

    PlausibleDates(Clock clock, @Value("${recouvra.ledger.plausible-years:20}") int years) {
        this.clock = clock;
        this.years = years;
    }

    /** Adds a problem for the field when the day is outside the window; a missing day is for other checks. */
    public void check(String field, LocalDate day, List<FieldProblem> problems) {
        if (day == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today.minusYears(years)) || day.isAfter(today.plusYears(years))) {
            problems.add(new FieldProblem(field, "is more than " + years + " years from today (" + today
                    + "); check the year"));
        }
    }
}

package io.recouvra.receivables;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * When an unpaid invoice counts as overdue: from the day after its due date, when late-payment
 * interest starts to run (French commercial code). How long collection waits after that is the
 * dunning strategy's grace days.
 */
@Component
public class OverduePolicy {

    public LocalDate overdueSince(LocalDate dueDate) {
        return dueDate.plusDays(1);
    }
}

package io.recouvra.receivables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an unpaid invoice counts as overdue: late-payment interest runs from the day after the due
 * date (French commercial code), and collection waits the configured grace days on top of that.
 * Days turn over at midnight in the creditor's business time zone.
 */
@Component
public class OverduePolicy {

    private final ZoneId zone;
    private final int graceDays;

    OverduePolicy(@Value("${recouvra.zone}") ZoneId zone, @Value("${recouvra.grace-days}") int graceDays) {
        this.zone = zone;
        this.graceDays = graceDays;
    }

    public LocalDate overdueSince(LocalDate dueDate) {
        return dueDate.plusDays(1L + graceDays);
    }

    public ZonedDateTime overdueAt(LocalDate dueDate) {
        return overdueSince(dueDate).atStartOfDay(zone);
    }
}

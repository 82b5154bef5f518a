package io.recouvra.messaging.contact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When and how often debtors may be contacted (recouvra.messaging.contact-policy).
 *
 * @param days       days of the week on which messages go out, in the debtor's time zone
 * @param from       earliest local time
 * @param until      latest local time (a message due later waits for the next allowed day)
 * @param perDay     reminders per customer and channel in any 24 hours
 * @param perWeek    reminders per customer and channel in any 7 days
 * @param groupingWindow how long a customer's reminders of one kind on one channel wait for more of the same:
 *                   they go out together once none has been asked for during this long (zero: at once)
 */
@ConfigurationProperties("recouvra.messaging.contact-policy")
record ContactRules(Set<DayOfWeek> days, LocalTime from, LocalTime until, int perDay, int perWeek,
                    Duration groupingWindow) {

    ContactRules {
        groupingWindow = groupingWindow == null ? Duration.ZERO : groupingWindow;
        if (groupingWindow.isNegative()) {
            throw new IllegalArgumentException("recouvra.messaging.contact-policy.grouping-window must not be negative");
        }
    }
}

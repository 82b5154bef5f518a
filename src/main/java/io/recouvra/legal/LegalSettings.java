package io.recouvra.legal;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param courts                   the competent court by postal-code prefix of the debtor's registered seat, where
 *                                 "Tribunal de commerce de [city]" would be wrong (a commercial court's area spans
 *                                 many communes, and some courts are now "tribunaux des activités économiques");
 *                                 the longest matching prefix wins. Not a registry: the legal officer checks the
 *                                 court at review and corrects it there
 * @param serviceReminderMonths    after this many months without service of the order, the legal officers are
 *                                 reminded (the order lapses at 6)
 * @param serviceLastReminderMonths the second, last reminder
 * @param prescriptionWarnAhead    how long before a claim is time-barred the legal officers get a review task
 */
@ConfigurationProperties("recouvra.legal")
record LegalSettings(Map<String, String> courts, int serviceReminderMonths, int serviceLastReminderMonths,
                     Period prescriptionWarnAhead) {

    LegalSettings {
        courts = courts == null ? Map.of() : Map.copyOf(courts);
        if (serviceReminderMonths <= 0 || serviceReminderMonths >= serviceLastReminderMonths || serviceLastReminderMonths >= 6) {
            throw new IllegalArgumentException("recouvra.legal: the service reminders come before the order lapses at 6 months, "
                    + "the first before the last: " + serviceReminderMonths + ", " + serviceLastReminderMonths);
        }
    }
}

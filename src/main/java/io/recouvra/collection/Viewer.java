package io.recouvra.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Who reads a Tasklist form: the language its dates and words are written in, and the time zone its
 * times are given in. French users read dd/mm/yyyy; other locales their own short date, always with
 * a four-digit year.
 */
record Viewer(Locale locale, ZoneId zone) {

    boolean french() {
        return "fr".equals(locale.getLanguage());
    }

    /** The French text for a French reader, else the English one. */
    String say(String french, String english) {
        return french() ? french : english;
    }

    String date(LocalDate day) {
        return day == null ? "" : day.format(dateFormat());
    }

    /** An instant as a date and time in the given zone, e.g. 02/12/2026 14:05. */
    String dateTime(Instant instant, ZoneId in) {
        return instant == null ? "" : instant.atZone(in).format(DateTimeFormatter.ofPattern(datePattern() + " HH:mm", locale));
    }

    String dateTime(Instant instant) {
        return dateTime(instant, zone);
    }

    private DateTimeFormatter dateFormat() {
        return DateTimeFormatter.ofPattern(datePattern(), locale);
    }

    private String datePattern() {
        if (french()) {
            return "dd/MM/yyyy";
        }
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        // CLDR's short dates may carry a two-digit year ("M/d/yy"): a court date must not be ambiguous
        return pattern.contains("yyyy") ? pattern : pattern.replaceAll("y+", "yyyy");
    }
}

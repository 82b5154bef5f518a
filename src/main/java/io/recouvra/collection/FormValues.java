package io.recouvra.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Values as a Camunda Form submits them: dates as "2026-12-15" (or a date-time), numbers as numbers or
 * text. Null when the value is missing or unreadable, for the caller to say which field is wrong.
 */
final class FormValues {

    private FormValues() {
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An amount in cents precision. */
    static BigDecimal amount(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

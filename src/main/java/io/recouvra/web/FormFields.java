package io.recouvra.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a person entered in a Camunda Form (the legal officer's tasks, the declaration of claims): dates come as ISO strings, numbers as numbers
 * or strings. A missing or malformed value is refused with the field's key, which Tasklist shows.
 */
public final class FormFields {

    private FormFields() {
    }

    public static String text(VariableScope scope, String key, boolean required) {
        Object value = scope.getVariable(key);
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new InvalidInputException(key, "is required");
            }
            return null;
        }
        return text;
    }

    public static LocalDate date(VariableScope scope, String key, boolean required) {
        String text = text(scope, key, required);
        if (text == null) {
            return null;
        }
        try {
            // Camunda Forms' date picker sends 2026-03-15; a date-time field may send more
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(key, "is not a date (YYYY-MM-DD): " + text);
        }
    }

    public static BigDecimal amount(VariableScope scope, String key, boolean required) {
        String text = text(scope, key, required);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.replace(',', '.').replace(" ", ""));
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new InvalidInputException(key, "is an amount of 0 or more with at most 2 decimals: " + text);
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "is not an amount: " + text);
        }
    }

    public static <E extends Enum<E>> E choice(VariableScope scope, String key, Class<E> type) {
        String text = text(scope, key, true);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(key, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + text);
        }
    }
}

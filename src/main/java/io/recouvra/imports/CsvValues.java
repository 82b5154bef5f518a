package io.recouvra.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the amounts and dates that accounting exports write, French and international alike. */
final class CsvValues {

    /**
     * Digits with optional thousands groups (space, no-break space, dot or comma) and an optional
     * decimal part of one or two digits after a dot or a comma that differs from the group separator.
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<int>\\d{1,3}(?:(?<group>[ \\u00A0\\u202F.,'])\\d{3})(?:\\k<group>\\d{3})*|\\d+)(?:(?<decimal>[.,])(?<fraction>\\d{1,2}))?");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CsvValues() {
    }

    /** {@code 1234.56}, {@code 1 234,56}, {@code 1.234,56}, {@code 1,234.56}; never a bare "1,234". */
    static BigDecimal amount(String text) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an amount such as 1234.56 or 1 234,56");
        }
        String group = m.group("group");
        String decimal = m.group("decimal");
        if (group != null && group.equals(decimal)) {
            throw new IllegalArgumentException("'" + text + "' uses '" + group + "' both for thousands and decimals");
        }
        if (decimal == null && (".".equals(group) || ",".equals(group)) && m.group("int").indexOf(group) == m.group("int").lastIndexOf(group)) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: write 1234.00 or 1 234,00");
        }
        String integer = group == null ? m.group("int") : m.group("int").replace(group, "");
        return new BigDecimal(decimal == null ? integer : integer + "." + m.group("fraction"));
    }

    /** ISO {@code 2026-03-31} or French {@code 31/03/2026}. */
    static LocalDate date(String text) {
        String value = text.strip();
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date such as 2026-03-31 or 31/03/2026");
        }
    }
}

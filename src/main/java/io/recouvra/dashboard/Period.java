package io.recouvra.dashboard;

import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a page's figures cover, from and to included, as the page's {@code from} and {@code to} parameters give them
 * ({@code 2026-11-01}); without them, the {@value #DEFAULT_DAYS} days up to today.
 */
record Period(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    /** No period longer than this: a page stays one grouped query over a bounded range. */
    static final int MAX_DAYS = 366 * 3;

    static Period of(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : day("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1L) : day("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "must be at most " + MAX_DAYS + " days before to");
        }
        return new Period(start, end);
    }

    static int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", "must be between 0 and 100000");
        }
        return page;
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a day written 2026-11-30");
        }
    }
}

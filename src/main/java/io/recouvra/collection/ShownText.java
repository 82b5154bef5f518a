package io.recouvra.collection;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process variable as a text view of a Camunda Form shows it: written for the reader (dates as
 * dd/mm/yyyy for a French reader, decimals as "1 234,50"), then escaped so that form-js shows it as text.
 * Form-js puts a template's value into the view's markdown, renders the markdown to HTML and only then
 * filters the HTML: any letter of markdown or HTML syntax in a customer's name would be obeyed. Every
 * character but letters, digits and spaces is therefore written as a numeric character reference
 * ({@code &#60;} for "<"): markdown treats such a reference as a plain character, never as syntax
 * (CommonMark, "Entity and numeric character references"), and the browser shows the character.
 */
final class ShownText {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A date inside a sentence ("due date of 2021-05-03"), not inside a reference such as F-2026-12-04. */
    private static final Pattern DATE_IN_SENTENCE = Pattern.compile("(?<=^|\\s)(\\d{4}-\\d{2}-\\d{2})(?=$|[\\s.,;:)])");
    private static final String DISPUTE_REASON = DisputeMediationContract.DISPUTE_REASON;

    private ShownText() {
    }

    /** The variable's value written for the reader and escaped; empty for no value. */
    static String of(String variable, Object value, Viewer viewer) {
        return escape(written(variable, value, viewer));
    }

    static String written(String variable, Object value, Viewer viewer) {
        if (value == null) {
            return "";
        }
        if (DISPUTE_REASON.equals(variable) && value instanceof String code) {
            return CallSteps.disputeReason(code, viewer);
        }
        if (value instanceof Date date) {
            return viewer.date(date.toInstant().atZone(viewer.zone()).toLocalDate());
        }
        if (value instanceof LocalDate day) {
            return viewer.date(day);
        }
        if (value instanceof Boolean yes) {
            return yes ? viewer.say("oui", "yes") : viewer.say("non", "no");
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return decimal(new BigDecimal(value.toString()), viewer);
        }
        String text = value.toString();
        if (ISO_DATE.matcher(text).matches()) {
            return date(text, viewer);
        }
        // only a sentence's dates: a reference made of digits and dashes stays as it was typed
        return text.contains(" ") ? DATE_IN_SENTENCE.matcher(text).replaceAll(day -> Matcher.quoteReplacement(date(day.group(1), viewer))) : text;
    }

    private static String date(String iso, Viewer viewer) {
        try {
            return viewer.date(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Letters, digits and spaces as they are, every other character as a numeric character reference. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ') {
                escaped.appendCodePoint(c);
            } else {
                escaped.append("&#").append(c).append(';');
            }
        });
        return escaped.toString();
    }

    private static String decimal(BigDecimal number, Viewer viewer) {
        NumberFormat format = NumberFormat.getNumberInstance(viewer.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        // the French format groups with no-break spaces, which some fonts show as boxes
        return format.format(number).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}

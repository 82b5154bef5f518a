package io.recouvra.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells of the CSV files people open in a spreadsheet. A value typed by a debtor or an integrator (a customer
 * named {@code =HYPERLINK("http://evil","Click")}) must stay text: a spreadsheet runs a cell starting with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula, and a tab or carriage return lets one hide in the
 * cell. As OWASP's "CSV Injection" page recommends, such a cell is prefixed with a single quote, which the
 * spreadsheet shows as text; the CSV printer quotes the cell and doubles its quotes. A cell that is a number
 * ({@code -12,50}, {@code +33612345678}) is kept as it is: it is no formula, and the accountant adds it up.
 */
public final class SpreadsheetCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");

    private SpreadsheetCells() {
    }

    /** The value as a cell: numbers as they are, text neutralised when it could start a formula; null stays empty. */
    public static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        return text(value.toString());
    }

    /** The text as a cell that a spreadsheet shows and never evaluates. */
    public static String text(String value) {
        if (value == null || value.isEmpty() || !startsLikeAFormula(value) || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** A row of cells, each through {@link #cell}, for {@code CSVPrinter.printRecord}. */
    public static List<Object> row(Object... values) {
        return Arrays.stream(values).map(SpreadsheetCells::cell).toList();
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}

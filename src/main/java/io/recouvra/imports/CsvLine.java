package io.recouvra.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.recouvra.imports.ImportReport.LineError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One line of an import file, read by column: {@code values} maps each column the header names (lower case) to
 * the line's stripped value, an empty value left out. {@code size} and {@code expectedSize} are the number of
 * values on the line and in the header: a line whose counts differ is refused whole. Stored as JSON with the
 * import job (table {@code invoice_import_chunk}).
 */
record CsvLine(long line, Map<String, String> values, int size, int expectedSize) {

    @JsonIgnore
    boolean isConsistent() {
        return size == expectedSize;
    }

    String get(String column) {
        return values.get(column);
    }

    <T> T parse(String column, Function<String, T> parser, List<LineError> errors) {
        String value = get(column);
        if (value == null) {
            errors.add(new LineError(line, column, "is required"));
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(line, column, e.getMessage()));
            return null;
        }
    }
}

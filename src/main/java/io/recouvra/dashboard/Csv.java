package io.recouvra.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A figure's CSV export as French Excel opens it: UTF-8 with a byte order mark, semicolons, decimal commas, dates
 * {@code dd/mm/yyyy}. Text cells are quoted when needed, and a text starting with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so that a name typed by a debtor or an integrator is never run as a formula
 * (OWASP, CSV injection). Amounts and dates are written by this class, never neutralised.
 */
final class Csv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> lines = new ArrayList<>();

    private Csv(List<String> header) {
        lines.add(String.join(";", header.stream().map(Csv::text).toList()));
    }

    static Csv withHeader(String... header) {
        return new Csv(List.of(header));
    }

    /** Adds a row: a {@code BigDecimal} is written as a number, a {@code LocalDate} as a day, anything else as text. */
    Csv row(Object... cells) {
        List<String> written = new ArrayList<>();
        for (Object cell : cells) {
            written.add(cell(cell));
        }
        lines.add(String.join(";", written));
        return this;
    }

    ResponseEntity<String> download(String fileName) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(this.toString());
    }

    @Override
    public String toString() {
        return "\uFEFF" + String.join("\r\n", lines) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString().replace('.', ',');
        }
        if (value instanceof Number number) {
            return number.toString().replace('.', ',');
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        return text(value.toString());
    }

    static String text(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

package io.recouvra.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.util.StringUtils;

/**
 * Reads an accounting export whole, before any line is stored: UTF-8 (with or without BOM), ';' or ',' as the
 * header uses more, a header naming the required columns once each. A file that cannot be read (an encoding, a
 * header, a quote never closed on line 3) is refused whole with {@link UnreadableFileException}, naming the line.
 */
final class InvoiceCsvFile {

    static final List<String> REQUIRED = List.of("invoice_number", "customer_registration_number", "customer_name",
            "issue_date", "due_date", "amount", "currency");

    private InvoiceCsvFile() {
    }

    static List<CsvLine> read(byte[] bytes) {
        String text = decode(bytes);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separatorOf(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<CsvLine> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headers = headersOf(parser);
            int expectedSize = parser.getHeaderNames().size();
            long line = 1;
            try {
                for (CSVRecord record : parser) {
                    line = parser.getCurrentLineNumber();
                    lines.add(new CsvLine(line, valuesOf(record, headers), record.size(), expectedSize));
                }
            } catch (UncheckedIOException e) {
                throw new UnreadableFileException("file", "is not a readable CSV file after line " + line
                        + " (nothing was imported): " + e.getCause().getMessage());
            }
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            throw new UnreadableFileException("file", "has a header line that cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static Map<String, String> valuesOf(CSVRecord record, Map<String, String> headers) {
        Map<String, String> values = new HashMap<>();
        headers.forEach((column, header) -> {
            if (record.isSet(header)) {
                String value = record.get(header).strip();
                if (!value.isEmpty()) {
                    values.put(column, value);
                }
            }
        });
        return values;
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            int nul = text.indexOf('\u0000');
            if (nul >= 0) {
                long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
                throw new UnreadableFileException("file", "contains a NUL character (byte 0) on line " + line
                        + ": not a CSV text file; export it again as CSV UTF-8 (nothing was imported)");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("file", "is not UTF-8 text (save it as CSV UTF-8)");
        }
    }

    /** The header decides: whichever of ';' and ',' it uses more is the separator. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (!StringUtils.hasText(header)) {
            throw new UnreadableFileException("file", "is empty: the first line must name the columns");
        }
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons >= commas ? ';' : ',';
    }

    private static Map<String, String> headersOf(CSVParser parser) {
        Map<String, String> byNormalizedName = new HashMap<>();
        for (String header : parser.getHeaderNames()) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && byNormalizedName.put(name, header) != null) {
                throw new UnreadableFileException(name, "the header names column " + name
                        + " twice; name each column once, so that it is clear which value to import");
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !byNormalizedName.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException(missing.get(0), "missing column(s) " + String.join(", ", missing)
                    + "; the header must name " + String.join(", ", REQUIRED));
        }
        return byNormalizedName;
    }
}

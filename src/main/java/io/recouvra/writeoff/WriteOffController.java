package io.recouvra.writeoff;

import io.recouvra.web.InvalidInputException;
import io.recouvra.web.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The write-offs of a period with their VAT notes, for the accountant: JSON, or CSV for a spreadsheet. */
@RestController
class WriteOffController {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("written_off_on", "invoice_number", "customer", "amount", "currency", "vat_rate", "vat_included", "vat_derived", "reason",
                    "approved_by", "note", "vat_note")
            .build();

    private final WriteOffs writeOffs;

    WriteOffController(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    record WriteOffLine(WriteOff writeOff, String vatNote) {
    }

    @GetMapping("/api/v1/write-offs")
    List<WriteOffLine> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return between(from, to).stream().map(writeOff -> new WriteOffLine(writeOff, writeOff.vatNote())).toList();
    }

    @GetMapping(path = "/api/v1/write-offs.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (WriteOff w : between(from, to)) {
                printer.printRecord(SpreadsheetCells.row(w.writtenOffOn(), w.invoiceNumber(), w.customerName(), w.amount().toPlainString(), w.currency(),
                        w.vatRate() == null ? "" : w.vatRate().toPlainString(), w.vatIncluded().toPlainString(), w.vatDerived(), w.reason(), w.approvedBy(), w.note(), w.vatNote()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"write-offs-" + from + "-" + to + ".csv\"")
                .body(out.toString());
    }

    private List<WriteOff> between(String from, String to) {
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must not be before from (" + start + ")");
        }
        return writeOffs.between(start, end);
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required: a date such as 2026-11-30");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-30");
        }
    }
}

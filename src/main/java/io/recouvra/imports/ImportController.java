package io.recouvra.imports;

import io.recouvra.web.FieldProblem;
import io.recouvra.web.Locations;
import io.recouvra.web.NotFoundException;
import io.recouvra.web.SpreadsheetCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV import of invoices with their customers, run as a job")
class ImportController {

    private static final CSVFormat REPORT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("line", "column", "outcome", "reason").get();

    private final InvoiceImports imports;
    private final ImportWorkers workers;

    ImportController(InvoiceImports imports, ImportWorkers workers) {
        this.imports = imports;
        this.workers = workers;
    }

    @PostMapping(path = "/invoices", consumes = "text/csv")
    @Operation(summary = "Import invoices from a CSV body: the file is read whole (400 if it cannot be), then imported "
            + "in the background; answers 202 with the import's Location")
    ResponseEntity<ImportView> importCsv(@RequestBody byte[] csv, Principal user) {
        return submitted(imports.submit(csv, null, user.getName()));
    }

    @PostMapping(path = "/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import invoices from an uploaded CSV file: the file is read whole (400 if it cannot be), then "
            + "imported in the background; answers 202 with the import's Location")
    ResponseEntity<ImportView> importFile(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
        return submitted(imports.submit(file.getBytes(), file.getOriginalFilename(), user.getName()));
    }

    private ResponseEntity<ImportView> submitted(UUID id) {
        workers.wake();
        return ResponseEntity.accepted().location(Locations.of("/api/v1/imports/{id}", id)).body(get(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: status, lines done, stored, already present and rejected, and its report so far")
    ImportView get(@PathVariable UUID id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
    }

    @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "An import's report as CSV: one row per rejected line's reason and per notice on a stored line")
    ResponseEntity<String> report(@PathVariable UUID id) {
        ImportView view = get(id);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, REPORT)) {
            for (ImportReport.LineError error : view.errors()) {
                printer.printRecord(SpreadsheetCells.row(error.line(), error.column(), "rejected", error.reason()));
            }
            for (ImportReport.LineNotice notice : view.notices()) {
                printer.printRecord(SpreadsheetCells.row(notice.line(), notice.column(), "stored with notice", notice.notice()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-report.csv\"")
                .body(out.toString());
    }

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadable(UnreadableFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable import file");
        problem.setProperty("errors", List.of(new FieldProblem(e.column(), e.getMessage())));
        return problem;
    }
}

package io.recouvra.imports;

import io.recouvra.web.FieldProblem;
import io.recouvra.web.Locations;
import io.recouvra.web.NotFoundException;
import io.recouvra.web.PageView;
import io.recouvra.web.SpreadsheetCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
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
    @Operation(summary = "An import: status and progress (lines and chunks done), and its outcome so far in counts: lines "
            + "stored, already present, rejected, stored with notices; the reasons are in /errors and the report CSV")
    ImportView get(@PathVariable UUID id) {
        return imports.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/errors")
    @Operation(summary = "An import's reasons for rejecting lines, in the file's line order, a page at a time (page from 0, "
            + "size 1 to 500, 100 by default)")
    PageView<ImportReport.LineError> errors(@PathVariable UUID id,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return imports.errors(id, page, size).orElseThrow(() -> notFound(id));
    }

    /**
     * Written as the database's cursor reads it: a report of 100,000 lines is never whole in memory. An import
     * unknown is a 404 before anything is written.
     */
    @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "An import's report as CSV: one row per rejected line's reason, then one per notice on a stored line, "
            + "each in the file's line order")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        get(id);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-report.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(out, REPORT);
        if (!imports.report(id, (line, column, outcome, text) -> printer.printRecord(SpreadsheetCells.row(line, column, outcome, text)))) {
            throw notFound(id);
        }
        printer.flush();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No import " + id);
    }

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadable(UnreadableFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable import file");
        problem.setProperty("errors", List.of(new FieldProblem(e.column(), e.getMessage())));
        return problem;
    }
}

package io.recouvra.imports;

import io.recouvra.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV import of invoices with their customers")
class ImportController {

    private final InvoiceCsvImport csvImport;

    ImportController(InvoiceCsvImport csvImport) {
        this.csvImport = csvImport;
    }

    @PostMapping(path = "/invoices", consumes = "text/csv")
    @Operation(summary = "Import invoices from a CSV body; answers with the per-line report")
    ImportReport importCsv(@RequestBody byte[] csv) throws IOException {
        return csvImport.importInvoices(new ByteArrayInputStream(csv));
    }

    @PostMapping(path = "/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import invoices from an uploaded CSV file; answers with the per-line report")
    ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return csvImport.importInvoices(file.getInputStream());
    }

    @ExceptionHandler(UnreadableFileException.class)
    ProblemDetail unreadable(UnreadableFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable import file");
        problem.setProperty("errors", List.of(new FieldProblem(e.column(), e.getMessage())));
        return problem;
    }
}

package io.recouvra.provisions;

import io.recouvra.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Provisions", description = "Doubtful-debt provisions per month, the monthly close and the accountant's CSV")
class ProvisionsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final Provisions provisions;

    ProvisionsController(Provisions provisions) {
        this.provisions = provisions;
    }

    @GetMapping("/api/v1/provisions/{month}")
    @Operation(summary = "A month's provisions (yyyy-MM): as stored when it was closed, else computed now "
            + "(status PREVIEW); optionally only some customers' invoices (customerId, repeatable)")
    ProvisionReport report(@PathVariable String month, @RequestParam(name = "customerId", required = false) List<UUID> customerIds) {
        return provisions.report(month(month), customers(customerIds));
    }

    @GetMapping("/api/v1/provisions/{month}.csv")
    @Operation(summary = "The same lines and totals per currency as CSV for the accountant: ';' separated, decimal comma")
    ResponseEntity<byte[]> csv(@PathVariable String month, @RequestParam(name = "customerId", required = false) List<UUID> customerIds) {
        ProvisionReport report = provisions.report(month(month), customers(customerIds));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("provisions-" + report.month() + ".csv").build().toString())
                .body(ProvisionsCsv.write(report));
    }

    @PostMapping("/api/v1/provisions/{month}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close a month that is over (admins): its figures are stored and no longer change; "
            + "months are closed once and in order (409 otherwise)")
    ProvisionReport close(@PathVariable String month, Principal user) {
        return provisions.close(month(month), user.getName());
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text, MONTH);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "'" + text + "' is not a month such as 2026-03 (yyyy-MM)");
        }
    }

    private static Set<UUID> customers(List<UUID> customerIds) {
        return customerIds == null ? Set.of() : new LinkedHashSet<>(customerIds);
    }
}

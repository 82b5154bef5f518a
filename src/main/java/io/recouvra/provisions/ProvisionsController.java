package io.recouvra.provisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Provisions", description = "Doubtful-debt provisions per month, the monthly close and the accountant's CSV")
class ProvisionsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final Provisions provisions;
    private final ObjectMapper mapper;

    ProvisionsController(Provisions provisions, ObjectMapper mapper) {
        this.provisions = provisions;
        this.mapper = mapper;
    }

    /**
     * Written as the invoices are read, never whole in memory (a book of a million invoices is a few hundred
     * megabytes of JSON): a month refused is a 400 before anything is written.
     */
    @GetMapping("/api/v1/provisions/{month}")
    @Operation(summary = "A month's provisions (yyyy-MM): as stored when it was closed, else computed now "
            + "(status PREVIEW); optionally only some customers' invoices (customerId, repeatable)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProvisionReport.class)))
    void report(@PathVariable String month, @RequestParam(name = "customerId", required = false) List<UUID> customerIds,
                HttpServletResponse response) {
        provisions.write(month(month), customers(customerIds), json(response));
    }

    @GetMapping("/api/v1/provisions/{month}.csv")
    @Operation(summary = "The same lines and totals per currency as CSV for the accountant: ';' separated, decimal comma")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    void csv(@PathVariable String month, @RequestParam(name = "customerId", required = false) List<UUID> customerIds,
             HttpServletResponse response) {
        YearMonth asked = month(month);
        provisions.write(asked, customers(customerIds), new ProvisionsCsv(() -> {
            response.setContentType(CSV.toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("provisions-" + asked + ".csv").build().toString());
            return body(response);
        }));
    }

    @PostMapping("/api/v1/provisions/{month}")
    @Operation(summary = "Close a month that is over (admins): its figures are stored and no longer change; "
            + "months are closed once and in order (409 otherwise)")
    @ApiResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProvisionReport.class)))
    void close(@PathVariable String month, Principal user, HttpServletResponse response) {
        YearMonth closing = month(month);
        provisions.close(closing, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        provisions.write(closing, Set.of(), json(response));
    }

    private ProvisionsJson json(HttpServletResponse response) {
        return new ProvisionsJson(mapper, () -> {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            return body(response);
        });
    }

    private static OutputStream body(HttpServletResponse response) {
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

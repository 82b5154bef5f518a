package io.recouvra.guarantee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Guarantees", description = "The guarantees securing a customer's receivables, the secured exposure, and guarantee calls")
class GuaranteeController {

    private final Guarantees guarantees;
    private final GuaranteeCover cover;
    private final GuaranteeCalls calls;
    private final GuaranteeCsvImport csvImport;
    private final Clock clock;
    private final ZoneId zone;

    GuaranteeController(Guarantees guarantees, GuaranteeCover cover, GuaranteeCalls calls, GuaranteeCsvImport csvImport,
                        Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.csvImport = csvImport;
        this.guarantees = guarantees;
        this.cover = cover;
        this.calls = calls;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A guarantee as the API shows it, with whether it secures anything today and, for a natural person's personal
     * guarantee, the days each annual information of art. 2302 C. civ. was sent.
     */
    record GuaranteeView(Guarantee guarantee, boolean validToday, BigDecimal capLeft, List<LocalDate> annualInformationSent) {
    }

    record AnnualInformationSent(LocalDate informedOn) {
    }

    record PaymentReceived(BigDecimal amount, LocalDate valueDate, String bankReference) {
    }

    record Refusal(String reason) {
    }

    record Imported(int stored) {
    }

    @PostMapping("/api/v1/customers/{customerId}/guarantees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a guarantee (personal, first-demand, retention of title, deposit) with what was checked of it")
    GuaranteeView register(@PathVariable UUID customerId, @RequestBody NewGuarantee request) {
        return view(guarantees.register(customerId, request));
    }

    @PostMapping("/api/v1/guarantees/{guaranteeId}/amendment")
    @Operation(summary = "Change a guarantee's cap, end or required documents (409 when a call waiting for its answer claims more "
            + "than the new cap leaves, or when it was released)")
    GuaranteeView amend(@PathVariable UUID guaranteeId, @RequestBody GuaranteeAmendment amendment) {
        return view(guarantees.amend(guaranteeId, amendment));
    }

    @PostMapping("/api/v1/guarantees/{guaranteeId}/release")
    @Operation(summary = "Give a guarantee back (mainlevée): it stops securing anything and stays in the register "
            + "(409 while a call waits for its answer, or when already released)")
    GuaranteeView release(@PathVariable UUID guaranteeId, @RequestBody GuaranteeRelease release) {
        return view(guarantees.release(guaranteeId, release, today()));
    }

    @PostMapping("/api/v1/guarantees/{guaranteeId}/annual-information")
    @Operation(summary = "Record an annual information (art. 2302 C. civ.) sent to the guarantor outside Recouvra: a call reckons "
            + "the interest forfeited year by year from these days (409 when that year's is already recorded)")
    GuaranteeView annualInformation(@PathVariable UUID guaranteeId, @RequestBody AnnualInformationSent sent) {
        guarantees.recordAnnualInformation(guaranteeId, sent.informedOn(), today());
        return view(guarantees.get(guaranteeId));
    }

    @PostMapping(path = "/api/v1/imports/guarantees", consumes = "text/csv")
    @Operation(summary = "Import guarantees from CSV, all or nothing: one refused line stores none, the answer names each line and field")
    Imported importCsv(@RequestBody byte[] csv) {
        return new Imported(csvImport.importAll(new String(csv, StandardCharsets.UTF_8)));
    }

    @GetMapping("/api/v1/customers/{customerId}/guarantees")
    @Operation(summary = "The customer's guarantees, valid or not")
    List<GuaranteeView> ofCustomer(@PathVariable UUID customerId) {
        return guarantees.ofCustomer(customerId).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/customers/{customerId}/guarantee-cover")
    @Operation(summary = "Exposure, secured and unsecured parts per currency on a day (today by default)")
    GuaranteeCover.CustomerCover cover(@PathVariable UUID customerId, @RequestParam(required = false) LocalDate day) {
        return cover.of(customerId, day == null ? today() : day);
    }

    @GetMapping("/api/v1/invoices/{invoiceNumber}/guarantee-calls")
    @Operation(summary = "The guarantee calls made on an invoice")
    List<GuaranteeCalls.Call> callsOf(@PathVariable String invoiceNumber) {
        return calls.ofInvoice(invoiceNumber).stream().map(calls::get).toList();
    }

    @GetMapping(value = "/api/v1/guarantee-calls/{callId}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The call letter (PDF) as sent")
    ResponseEntity<byte[]> letter(@PathVariable UUID callId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("appel-de-garantie-" + calls.get(callId).invoiceNumber() + ".pdf").build().toString())
                .body(calls.letter(callId));
    }

    @PostMapping("/api/v1/guarantee-calls/{callId}/payment")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The guarantor or the bank paid: the payment is booked on the invoice, the subrogation noted")
    void paid(@PathVariable UUID callId, @RequestBody PaymentReceived payment) {
        calls.reportPayment(callId, payment.amount(), payment.valueDate(), payment.bankReference());
    }

    @PostMapping("/api/v1/guarantee-calls/{callId}/refusal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The guarantor or the bank refused to pay: a credit manager decides the next route")
    void refused(@PathVariable UUID callId, @RequestBody Refusal refusal) {
        calls.reportRefusal(callId, refusal.reason());
    }

    private GuaranteeView view(Guarantee guarantee) {
        return new GuaranteeView(guarantee, guarantee.validOn(today()), guarantee.capLeft(),
                guarantee.kind() == GuaranteeKind.PERSONAL_GUARANTEE && guarantee.naturalPerson()
                        ? guarantees.annualInformation(guarantee.id()) : List.of());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

package io.recouvra.collection;

import io.recouvra.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Collection", description = "Holds and disputes that pause the dunning of an invoice")
class CollectionController {

    private final Holds holds;
    private final Disputes disputes;
    private final DisputeAttachments attachments;
    private final PaymentPlans plans;

    CollectionController(Holds holds, Disputes disputes, DisputeAttachments attachments, PaymentPlans plans) {
        this.holds = holds;
        this.disputes = disputes;
        this.attachments = attachments;
        this.plans = plans;
    }

    record PlanRequest(@NotEmpty List<@NotBlank @Size(max = 64) String> invoiceNumbers, @NotEmpty List<@Valid PlannedInstalment> instalments) {
    }

    record PlannedInstalment(@NotNull LocalDate dueDate, @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    @PostMapping("/api/v1/customers/{id}/payment-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a payment plan for some of the customer's open invoices, with its instalments, which must "
            + "add up to what the invoices owe; the invoices are held until the plan ends")
    Map<String, UUID> requestPlan(@PathVariable UUID id, @Valid @RequestBody PlanRequest request, Principal user) {
        return Map.of("planId", plans.startFromApi(id, request.invoiceNumbers(), request.instalments().stream()
                .map(i -> new PaymentPlans.Instalment(0, i.dueDate(), i.amount())).toList(), user.getName()));
    }

    @PostMapping("/api/v1/payment-plans/{id}/accept")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The debtor accepts the payment plan it was offered (within 7 days of the offer)")
    void acceptPlan(@PathVariable UUID id) {
        plans.accept(id);
    }

    record HoldRequest(@NotBlank @Size(max = 500) String reason, LocalDate until) {
    }

    record DisputeRequest(@NotBlank @Size(max = 32) String reason, @Size(max = 2000) String description) {
    }

    record ContestRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/v1/invoices/{number}/hold")
    @Operation(summary = "Put the invoice's dunning on hold, with a reason, until a date or until released")
    ResponseEntity<Holds.Hold> hold(@PathVariable String number, @Valid @RequestBody HoldRequest request, Principal user) {
        Holds.Hold hold = holds.place(number, request.reason(), request.until(), user.getName());
        return ResponseEntity.created(Locations.of("/api/v1/invoices/{number}/hold", number)).body(hold);
    }

    @GetMapping("/api/v1/invoices/{number}/hold")
    @Operation(summary = "The invoice's active hold, if any")
    List<Holds.Hold> activeHold(@PathVariable String number) {
        return holds.active(number);
    }

    @DeleteMapping("/api/v1/invoices/{number}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Release the hold: dunning resumes at the level it had reached")
    void release(@PathVariable String number, Principal user) {
        holds.release(number, user.getName());
    }

    @PostMapping("/api/v1/invoices/{number}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the debtor's dispute of the invoice (reason PRICE, QUANTITY, QUALITY, DELIVERY, "
            + "ALREADY_PAID, NOT_ORDERED or OTHER): dunning pauses until a dispute handler decides")
    Map<String, UUID> dispute(@PathVariable String number, @Valid @RequestBody DisputeRequest request) {
        return Map.of("disputeId", disputes.raise(number, request.reason(), request.description(), "API"));
    }

    @PostMapping("/api/v1/disputes/{id}/contest")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The debtor contests the rejection of its dispute (within the days DisputePolicy gives, 10 as shipped): a mediator takes it up")
    void contest(@PathVariable UUID id, @Valid @RequestBody ContestRequest request) {
        disputes.contest(id, request.reason());
    }

    @PostMapping(path = "/api/v1/disputes/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a document to an open dispute (PDF, JPEG or PNG, 5 MB at most), part 'file'")
    DisputeAttachments.Attachment attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file, Principal user)
            throws IOException {
        return attachments.add(id, file.getOriginalFilename(), file.getBytes(), user.getName());
    }

    @GetMapping("/api/v1/disputes/{id}/attachments")
    @Operation(summary = "The documents of a dispute")
    List<DisputeAttachments.Attachment> attachments(@PathVariable UUID id) {
        return attachments.of(id);
    }

    @GetMapping("/api/v1/disputes/{id}/attachments/{attachmentId}")
    @Operation(summary = "One document of a dispute, as it was added")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        DisputeAttachments.Content content = attachments.content(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.filename(),
                        StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }
}

package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.PageView;
import io.recouvra.web.SpreadsheetCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Interactions", description = "The audit trail of every contact with a debtor, and the messages on their way")
class MessagingController {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("occurred_at", "invoice_id", "channel", "direction", "type", "actor", "summary").build();

    private final InteractionLog interactions;
    private final OutboxMessageRepository outbox;
    private final InvoiceService invoices;
    private final UncertainMessages uncertain;

    MessagingController(InteractionLog interactions, OutboxMessageRepository outbox, InvoiceService invoices,
                        UncertainMessages uncertain) {
        this.interactions = interactions;
        this.outbox = outbox;
        this.invoices = invoices;
        this.uncertain = uncertain;
    }

    /**
     * @param outcome    what a person found out; {@code sent} true or false is the older way to say
     *                   DELIVERED or RESEND
     * @param providerId the provider's id of the message, for DELIVERED (the Message-ID already known
     *                   otherwise)
     */
    record Resolution(UncertainMessages.Outcome outcome, Boolean sent, @Size(max = 100) String providerId) {

        UncertainMessages.Outcome decided() {
            if (outcome != null) {
                return outcome;
            }
            if (sent == null) {
                throw new InvalidInputException("outcome", "is required: DELIVERED, RESEND or GIVE_UP");
            }
            return sent ? UncertainMessages.Outcome.DELIVERED : UncertainMessages.Outcome.RESEND;
        }
    }

    record InteractionView(UUID id, Instant occurredAt, UUID customerId, UUID invoiceId, Interaction.Medium channel,
                           Interaction.Direction direction, Interaction.Type type, String summary, String content,
                           String actor) {

        static InteractionView of(Interaction i) {
            return new InteractionView(i.getId(), i.getOccurredAt(), i.getCustomerId(), i.getInvoiceId(), i.getChannel(),
                    i.getDirection(), i.getType(), i.getSummary(), i.getContent(), i.getActor());
        }
    }

    record MessageView(UUID id, String caseRef, String step, Channel channel, MessageKind kind, Tone tone,
                       OutboxStatus status, int attempts, Instant nextAttemptAt, String recipient, String providerId,
                       String lastError, Instant createdAt, Instant sentAt, Instant uncertainSince,
                       Instant personAskedAt) {

        static MessageView of(OutboxMessage m) {
            return new MessageView(m.getId(), m.getCaseRef(), m.getStep(), m.getChannel(), m.getKind(), m.getTone(),
                    m.getStatus(), m.getAttempts(), m.getNextAttemptAt(), m.getRecipient(), m.getProviderId(),
                    m.getLastError(), m.getCreatedAt(), m.getSentAt(), m.getUncertainSince(), m.getPersonAskedAt());
        }
    }

    @GetMapping("/customers/{id}/interactions")
    @Operation(summary = "Every contact with the customer, oldest first: messages with their content, failures, replies")
    PageView<InteractionView> ofCustomer(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(interactions.ofCustomer(id, page, size), InteractionView::of);
    }

    /**
     * The whole trail as CSV for a spreadsheet or a court file: semicolons, UTF-8, times in UTC (ISO 8601),
     * and who acted (empty: Recouvra on its own).
     */
    @GetMapping(path = "/customers/{id}/interactions.csv", produces = "text/csv")
    @Operation(summary = "The customer's whole trail as CSV, oldest first, with who acted")
    ResponseEntity<String> ofCustomerAsCsv(@PathVariable UUID id) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (int page = 0; ; page++) {
                Page<Interaction> rows = interactions.ofCustomer(id, page, 500);
                for (Interaction i : rows) {
                    printer.printRecord(SpreadsheetCells.row(i.getOccurredAt(), i.getInvoiceId(), i.getChannel(), i.getDirection(),
                            i.getType(), i.getActor(), i.getSummary()));
                }
                if (!rows.hasNext()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"interactions-" + id + ".csv\"")
                .body(out.toString());
    }

    @GetMapping("/invoices/{number}/interactions")
    @Operation(summary = "Every contact about the invoice, oldest first")
    PageView<InteractionView> ofInvoice(@PathVariable String number, @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(interactions.ofInvoice(invoices.get(number).getId(), page, size), InteractionView::of);
    }

    @GetMapping("/messages")
    @Operation(summary = "Messages in a state, oldest first: UNKNOWN ones wait for a person, FAILED ones were given up")
    List<MessageView> byStatus(@RequestParam OutboxStatus status,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return outbox.findByStatusOrderByCreatedAt(status, PageRequest.of(0, size)).stream().map(MessageView::of).toList();
    }

    @PostMapping("/messages/{id}/resolution")
    @Operation(summary = "After checking with the provider: an UNKNOWN message was DELIVERED (its provider id), is to RESEND"
            + " (409 while the provider says it holds it) or to GIVE_UP")
    MessageView resolve(@PathVariable UUID id, @Valid @RequestBody Resolution resolution, Principal who) {
        return MessageView.of(uncertain.resolve(id, resolution.decided(), resolution.providerId(), who.getName()));
    }

    @GetMapping("/customers/{id}/messages")
    @Operation(summary = "The customer's messages in the outbox, newest first, with their delivery state")
    List<MessageView> messages(@PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return outbox.findByCustomerIdOrderByCreatedAtDesc(id, PageRequest.of(0, size)).stream().map(MessageView::of).toList();
    }
}

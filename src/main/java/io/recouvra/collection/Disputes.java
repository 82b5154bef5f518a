package io.recouvra.collection;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.messaging.Channel;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.DisputeRaised;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A debtor's dispute of an invoice: it stops dunning on that invoice while DisputeMediation (called by
 * the invoice's InvoiceCollection) has it reviewed, and perhaps mediated.
 */
@Service
public class Disputes {

    static final Set<String> REASONS = Set.of("PRICE", "QUANTITY", "QUALITY", "DELIVERY", "ALREADY_PAID", "NOT_ORDERED", "OTHER");

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final Messages messages;
    private final RuntimeService runtime;
    private final DisputeResolutions resolutions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RetryingTransactions transactions;

    Disputes(JdbcTemplate jdbc, InvoiceService invoices, InteractionLog interactions, Messages messages,
             RuntimeService runtime, DisputeResolutions resolutions, Clock clock, ApplicationEventPublisher events,
             RetryingTransactions transactions) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.interactions = interactions;
        this.messages = messages;
        this.runtime = runtime;
        this.resolutions = resolutions;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Records the dispute, pauses dunning, acknowledges it to the debtor and tells the invoice's process; run
     * again from the start when it lost a race with another transaction (a payment, the job executor).
     */
    public UUID raise(String invoiceNumber, String reason, String description, String raisedVia) {
        return transactions.execute("dispute of " + invoiceNumber, () -> raiseOnce(invoiceNumber, reason, description, raisedVia));
    }

    private UUID raiseOnce(String invoiceNumber, String reason, String description, String raisedVia) {
        if (reason == null || !REASONS.contains(reason)) {
            throw new InvalidInputException("reason", "must be one of " + REASONS.stream().sorted().toList());
        }
        // locked before it is read: a payment committed meanwhile is seen, not overwritten on a stale copy
        Invoice invoice = invoices.lockForChange(invoiceNumber);
        if (invoice.getStatus().isClosed()) {
            throw new InvalidInputException("invoiceNumber", "invoice " + invoiceNumber + " is " + invoice.getStatus()
                    + ": there is nothing left to dispute");
        }
        invoices.pause(invoiceNumber, InvoiceStatus.DISPUTED);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, description, raised_via, raised_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, invoice.getId(), invoice.getCustomer().getId(), reason, description,
                raisedVia, Timestamp.from(clock.instant()));
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), medium(raisedVia), Direction.INBOUND,
                Type.DISPUTE, "Dispute raised (" + reason.toLowerCase().replace('_', ' ') + ")", description);
        messages.enqueue(invoiceNumber, "dispute-received-" + id, Channel.EMAIL, MessageKind.DISPUTE_RECEIVED, Tone.COURTEOUS,
                invoice.getCustomer().getId(), invoice.getId(), clock.instant(),
                Map.of("disputeReference", id.toString().substring(0, 8).toUpperCase(), "disputeReason",
                        description == null ? "" : description));
        boolean reviewed = !runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_DISPUTE_RAISED)
                .processInstanceBusinessKey(invoiceNumber)
                .setVariable("disputeId", id.toString())
                .setVariable("disputeReason", reason)
                .correlateAllWithResult().isEmpty();
        if (!reviewed) {
            // with the insurer, an agency or a court, the dispute belongs to that case; being assessed, there is
            // no dunning to stop yet. Until those processes take disputes, say so rather than keep one nobody reviews.
            throw new ConflictException("invoiceNumber", "invoice " + invoiceNumber
                    + " is not in dunning now (escalated, or its customer still being assessed): no one would review the dispute here");
        }
        events.publishEvent(new DisputeRaised(invoiceNumber, reason, description));
        return id;
    }

    /** The debtor contests the rejection of a dispute, within the window DisputeMediation leaves for it. */
    @Transactional
    public void contest(UUID disputeId, String reason) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "select invoice_id, resolved_at is null as open from recouvra.dispute where id = ?", disputeId);
        if (found.isEmpty()) {
            throw new NotFoundException("No dispute " + disputeId);
        }
        // the invoice's one open dispute is the one its DisputeMediation is about; a decided one has no window
        boolean heard = Boolean.TRUE.equals(found.get(0).get("open")) && !runtime.createMessageCorrelation(DisputeMediationContract.MESSAGE_CONTESTED)
                .processInstanceBusinessKey(invoices.get((UUID) found.get(0).get("invoice_id")).getNumber())
                .setVariable("contestReason", reason)
                .correlateAllWithResult().isEmpty();
        if (!heard) {
            throw new ConflictException("disputeId", "dispute " + disputeId
                    + " has no rejection waiting to be contested (not rejected, already decided, or past the days to contest)");
        }
        resolutions.contested(disputeId, reason);
    }

    /** Closes the invoice's open dispute with what was decided. */
    @Transactional
    void resolve(String invoiceNumber, String outcome) {
        invoices.idOf(invoiceNumber).ifPresent(invoiceId -> jdbc.update(
                "update recouvra.dispute set resolved_at = ?, outcome = ? where invoice_id = ? and resolved_at is null",
                Timestamp.from(clock.instant()), outcome, invoiceId));
    }

    record OpenDispute(String invoiceNumber, String reason, String description, Instant raisedAt) {
    }

    /** The customer's disputes not resolved yet, oldest first. */
    @Transactional(readOnly = true)
    List<OpenDispute> openOfCustomer(UUID customerId) {
        record Row(UUID invoiceId, String reason, String description, Instant raisedAt) {
        }
        List<Row> open = jdbc.query("""
                select invoice_id, reason, description, raised_at from recouvra.dispute
                where customer_id = ? and resolved_at is null order by raised_at""", (rs, n) -> new Row(
                rs.getObject("invoice_id", UUID.class), rs.getString("reason"), rs.getString("description"),
                rs.getTimestamp("raised_at").toInstant()), customerId);
        Map<UUID, String> numbers = invoices.numbersOf(open.stream().map(Row::invoiceId).toList());
        return open.stream().map(row -> new OpenDispute(numbers.get(row.invoiceId()), row.reason(), row.description(), row.raisedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<UUID> openDispute(String invoiceNumber) {
        return invoices.idOf(invoiceNumber).flatMap(invoiceId -> jdbc.queryForList(
                "select id from recouvra.dispute where invoice_id = ? and resolved_at is null", UUID.class, invoiceId)
                .stream().findFirst());
    }

    /** The invoices with a dispute not resolved yet, for reports over the whole book. */
    @Transactional(readOnly = true)
    public Set<UUID> invoicesInDispute() {
        return Set.copyOf(jdbc.queryForList("select invoice_id from recouvra.dispute where resolved_at is null", UUID.class));
    }

    @Transactional(readOnly = true)
    int countSince(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("select count(*) from recouvra.dispute where customer_id = ? and raised_at >= ?",
                Integer.class, customerId, Timestamp.valueOf(since.atStartOfDay()));
    }

    private static Medium medium(String raisedVia) {
        return switch (raisedVia) {
            case "CALL" -> Medium.PHONE;
            case "SMS" -> Medium.SMS;
            case "PORTAL" -> Medium.PORTAL;
            default -> Medium.SYSTEM;
        };
    }
}

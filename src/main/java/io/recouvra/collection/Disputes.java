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
    /** The reasons a debtor may give, in the order a form lists them. */
    public static final List<String> REASONS_LISTED = List.of("PRICE", "QUANTITY", "QUALITY", "DELIVERY", "ALREADY_PAID",
            "NOT_ORDERED", "OTHER");
    /** Documents a debtor may add at once to a dispute on the portal. */
    public static final int MAX_DOCUMENTS = 5;
    static final int MAX_DESCRIPTION = 2000;

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final Messages messages;
    private final RuntimeService runtime;
    private final DisputeResolutions resolutions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RetryingTransactions transactions;
    private final DisputePolicy policy;
    private final CollectionCalendar calendar;
    private final DisputeAttachments attachments;

    Disputes(JdbcTemplate jdbc, InvoiceService invoices, InteractionLog interactions, Messages messages,
             RuntimeService runtime, DisputeResolutions resolutions, Clock clock, ApplicationEventPublisher events,
             RetryingTransactions transactions, DisputePolicy policy, CollectionCalendar calendar,
             DisputeAttachments attachments) {
        this.policy = policy;
        this.calendar = calendar;
        this.attachments = attachments;
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
        // the day DisputePolicy gives the handler to review it, as DisputeMediation will count it
        LocalDate answerBy = answerBy(reason, calendar.today());
        messages.enqueue(invoiceNumber, "dispute-received-" + id, Channel.EMAIL, MessageKind.DISPUTE_RECEIVED, Tone.COURTEOUS,
                invoice.getCustomer().getId(), invoice.getId(), clock.instant(),
                Map.of("disputeReference", id.toString().substring(0, 8).toUpperCase(), "disputeReason",
                        description == null ? "" : description,
                        "responseDate", Texts.date(answerBy, Texts.localeOf(invoice.getCustomer()))));
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

    /** The last day of the review DisputePolicy gives a dispute of this reason raised on that day: when the debtor gets an answer. */
    LocalDate answerBy(String reason, LocalDate raisedOn) {
        return calendar.businessDayAfter(raisedOn, policy.decide(reason).reviewBusinessDays());
    }

    /** A document the debtor sends with its dispute, as uploaded. */
    public record Document(String filename, byte[] bytes) {
    }

    /**
     * The debtor's dispute of one or more of its invoices from the portal: one dispute per invoice (as the API raises
     * them), each with the same reason, explanation and documents, all or nothing. Refused whole
     * ({@link DebtorRequestRefused}, nothing stored) when an invoice is not an open one of the customer, is frozen by
     * insolvency proceedings (contested, if at all, with the representative) or is already disputed, the reason is
     * not one of {@link #REASONS_LISTED}, the explanation is missing or too long, or a document is empty, over 5 MB or
     * not a PDF, JPEG or PNG.
     */
    public List<UUID> raiseFromPortal(UUID customerId, List<String> invoiceNumbers, String reason, String description,
                                      List<Document> documents, String raisedBy) {
        List<String> numbers = List.copyOf(new java.util.LinkedHashSet<>(invoiceNumbers == null ? List.of() : invoiceNumbers));
        List<Document> sent = documents == null ? List.of() : documents;
        return transactions.execute("portal dispute of customer " + customerId, () -> {
            List<DebtorRequestRefused.Refusal> refusals = new java.util.ArrayList<>();
            if (numbers.isEmpty()) {
                refusals.add(DebtorRequestRefused.Refusal.of("invoices", "none-chosen"));
            }
            Map<String, Invoice> found = new java.util.HashMap<>();
            invoices.byNumbers(numbers).stream().filter(invoice -> invoice.getCustomer().getId().equals(customerId))
                    .forEach(invoice -> found.put(invoice.getNumber(), invoice));
            for (String number : numbers) {
                Invoice invoice = found.get(number);
                if (invoice == null || invoice.getStatus().isClosed()) {
                    refusals.add(DebtorRequestRefused.Refusal.about("invoices", "not-open", number));
                } else if (invoice.isFrozenByInsolvency()) {
                    refusals.add(DebtorRequestRefused.Refusal.about("invoices", DebtorRequestRefused.FROZEN_BY_INSOLVENCY, number));
                } else if (invoice.getStatus() == InvoiceStatus.DISPUTED) {
                    refusals.add(DebtorRequestRefused.Refusal.about("invoices", "disputed", number));
                }
            }
            if (reason == null || !REASONS.contains(reason)) {
                refusals.add(DebtorRequestRefused.Refusal.of("reason", "reason-missing"));
            }
            if (description == null || description.isBlank()) {
                refusals.add(DebtorRequestRefused.Refusal.of("description", "description-missing"));
            } else if (description.strip().length() > MAX_DESCRIPTION) {
                refusals.add(DebtorRequestRefused.Refusal.of("description", "description-too-long"));
            }
            if (sent.isEmpty()) {
                refusals.add(DebtorRequestRefused.Refusal.of("documents", "documents-missing"));
            } else if (sent.size() > MAX_DOCUMENTS) {
                refusals.add(DebtorRequestRefused.Refusal.of("documents", "too-many-documents"));
            }
            for (Document document : sent) {
                String problem = DisputeAttachments.problemWith(document.bytes());
                if (problem != null) {
                    refusals.add(new DebtorRequestRefused.Refusal("documents", problem, document.filename(), null, null, null));
                }
            }
            DebtorRequestRefused.throwIfAny(refusals);
            List<UUID> raised = new java.util.ArrayList<>();
            for (String number : numbers) {
                UUID id;
                try {
                    id = raiseOnce(number, reason, description.strip(), "PORTAL");
                } catch (ConflictException notInDunning) {
                    throw new DebtorRequestRefused(List.of(DebtorRequestRefused.Refusal.about("invoices", "not-in-dunning", number)));
                }
                for (Document document : sent) {
                    attachments.add(id, document.filename(), document.bytes(), raisedBy);
                }
                raised.add(id);
            }
            return raised;
        });
    }

    /** A dispute as its debtor follows it: where it stands, when an answer is due, and what it was answered. */
    public record DisputeFollowUp(UUID id, String invoiceNumber, String reason, String description, Instant raisedAt,
                                  LocalDate answerBy, String answer, Instant answeredAt, String answerExplanation,
                                  Instant contestedAt, Instant resolvedAt, String outcome, java.math.BigDecimal credited,
                                  String currency, List<String> documents) {

        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** Every dispute of the customer, newest first (not read-only: the answer dates are decided, which the engine keeps). */
    @Transactional
    public List<DisputeFollowUp> ofCustomer(UUID customerId) {
        record Row(UUID id, UUID invoiceId, String reason, String description, Instant raisedAt, String answer,
                   Instant answeredAt, String answerExplanation, Instant contestedAt, Instant resolvedAt, String outcome,
                   java.math.BigDecimal credited) {
        }
        List<Row> rows = jdbc.query("""
                select id, invoice_id, reason, description, raised_at, answer, answered_at, answer_explanation, contested_at,
                       resolved_at, outcome, credited
                from recouvra.dispute where customer_id = ? order by raised_at desc, id""", (rs, n) -> new Row(
                rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("reason"),
                rs.getString("description"), rs.getTimestamp("raised_at").toInstant(), rs.getString("answer"),
                instant(rs.getTimestamp("answered_at")), rs.getString("answer_explanation"),
                instant(rs.getTimestamp("contested_at")), instant(rs.getTimestamp("resolved_at")), rs.getString("outcome"),
                rs.getBigDecimal("credited")), customerId);
        Map<UUID, String> numbers = invoices.numbersOf(rows.stream().map(Row::invoiceId).distinct().toList());
        return rows.stream().map(row -> new DisputeFollowUp(row.id(), numbers.get(row.invoiceId()), row.reason(),
                row.description(), row.raisedAt(), answerBy(row.reason(), calendar.dayOf(row.raisedAt())), row.answer(),
                row.answeredAt(), row.answerExplanation(), row.contestedAt(), row.resolvedAt(), row.outcome(), row.credited(),
                invoices.get(row.invoiceId()).getCurrency(), attachments.of(row.id()).stream().map(DisputeAttachments.Attachment::filename).toList())).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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

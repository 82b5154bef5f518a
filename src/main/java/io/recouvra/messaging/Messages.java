package io.recouvra.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How every feature sends to a debtor: it asks for a message, and the outbox takes it from there.
 * Asking is only inserting a row, in the caller's transaction, so a process step and its message
 * commit or roll back together; asking again for the same (case, step, channel) changes nothing.
 */
@Service
public class Messages {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * Parameter of a pre-due reminder, {@value #NO_DISCOUNT_OFFER} when its strategy does not offer the invoice's
     * early-payment discount; absent, the reminder offers it while it applies (the terms are on every reminder).
     */
    public static final String DISCOUNT_OFFER = "discountOffer";
    public static final String NO_DISCOUNT_OFFER = "NO";

    Messages(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private String json(Map<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message parameters must be plain text", e);
        }
    }

    /**
     * @param caseRef   the case the message belongs to (the invoice number for InvoiceCollection)
     * @param step      which step of the case asks for it, stable across retries (for example "reminder-1")
     * @param notBefore the earliest time it may go out (the contact policy may delay it further)
     * @return whether this call stored the message; false when it was already there
     */
    @Transactional
    public boolean enqueue(String caseRef, String step, Channel channel, MessageKind kind, Tone tone,
                           UUID customerId, UUID invoiceId, Instant notBefore) {
        return enqueue(caseRef, step, channel, kind, tone, customerId, invoiceId, notBefore, Map.of());
    }

    /**
     * @param parameters what only this kind of message needs, as text the templates show as is (a
     *                   promised date, an instalment amount): see templates/messages/README.md
     */
    @Transactional
    public boolean enqueue(String caseRef, String step, Channel channel, MessageKind kind, Tone tone,
                           UUID customerId, UUID invoiceId, Instant notBefore, Map<String, String> parameters) {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(step, "step");
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                insert into recouvra.outbox_message (id, case_ref, step, channel, kind, tone, customer_id, invoice_id,
                    parameters, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'PENDING', 0, ?, ?)
                on conflict (case_ref, step, channel) do nothing""",
                UUID.randomUUID(), caseRef, step, channel.name(), kind.name(), tone.name(), customerId, invoiceId,
                json(parameters), Timestamp.from(notBefore.isAfter(now) ? notBefore : now), Timestamp.from(now));
        return inserted == 1;
    }

    /**
     * Asks for a registered letter the caller wrote itself, to its own recipient ({@link PreparedLetter}); the outbox
     * sends it once, in contact hours, and announces it with {@link MessageSent} once the postal service took it.
     *
     * @param kind a kind {@link MessageKind#isPrepared() written by its feature}
     * @return whether this call stored the letter; false when (case, step) already had one
     */
    @Transactional
    public boolean enqueueLetter(String caseRef, String step, MessageKind kind, UUID customerId, UUID invoiceId, PreparedLetter letter) {
        if (!kind.isPrepared()) {
            throw new IllegalArgumentException(kind + " is written by the message templates, not handed over as a letter");
        }
        if (!enqueue(caseRef, step, Channel.LETTER, kind, Tone.FORMAL, customerId, invoiceId, clock.instant())) {
            return false;
        }
        jdbc.update("""
                insert into recouvra.prepared_letter (outbox_message_id, recipient, subject, content)
                select id, ?, ?, ? from recouvra.outbox_message where case_ref = ? and step = ? and channel = 'LETTER'""",
                letter.recipient(), letter.subject(), letter.pdf(), caseRef, step);
        return true;
    }

    /** Withdraws what the case still had waiting in the outbox: the debt is settled, nothing more goes out. */
    @Transactional
    public int cancelPending(String caseRef) {
        return jdbc.update("update recouvra.outbox_message set status = 'CANCELLED', version = version + 1 "
                + "where case_ref = ? and status = 'PENDING'", caseRef);
    }
}

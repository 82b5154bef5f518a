package io.recouvra.messaging.outbox;

import io.recouvra.database.AssignedIdEntity;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.MessageSent;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.composition.MessageToCompose;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message Recouvra means to send, and how far it got. Rows are inserted by {@link Messages#enqueue}. */
@Entity
public class OutboxMessage extends AssignedIdEntity {

    private String caseRef;
    private String step;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private MessageKind kind;
    @Enumerated(EnumType.STRING)
    private Tone tone;
    private UUID customerId;
    private UUID invoiceId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> parameters;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    private UUID claimToken;
    private String recipient;
    private String renderedSubject;
    private String renderedText;
    private String providerId;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    /** When the provider's answer was first missing: rechecks go on for a while from then. */
    private Instant uncertainSince;
    /** When a person was asked to decide about an uncertain send (a Tasklist task). */
    private Instant personAskedAt;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    void sent(String recipient, String providerId, Instant at) {
        this.recipient = recipient;
        this.providerId = providerId;
        this.status = OutboxStatus.SENT;
        this.sentAt = at;
        this.leaseUntil = null;
        this.lastError = null;
    }

    /**
     * What the outbox announces once this message is SENT, whichever way it got there (sent, found at the provider on
     * recheck, confirmed by a person): one shape, so a listener cannot tell the paths apart. Its time is the row's
     * {@code sentAt}.
     */
    MessageSent announcement() {
        if (status != OutboxStatus.SENT || sentAt == null) {
            throw new IllegalStateException("message " + getId() + " is " + status + ", not SENT");
        }
        return new MessageSent(getId(), caseRef, step, channel, kind, sentAt);
    }

    /** Not an attempt: the contact policy says not now. */
    void deferTo(Instant at, String why) {
        this.status = OutboxStatus.PENDING;
        this.attempts = Math.max(0, attempts - 1);
        this.nextAttemptAt = at;
        this.leaseUntil = null;
        this.lastError = why;
    }

    /** A person checked with the provider: the message went out after all. */
    void confirmedSent(String providerId, Instant at, String who) {
        this.status = OutboxStatus.SENT;
        this.providerId = providerId;
        this.sentAt = at;
        this.lastError = "confirmed sent by " + who;
    }

    /** A person checked with the provider: it never went out, so it may be sent again. */
    void confirmedNotSent(Instant at, String who) {
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = at;
        this.uncertainSince = null;
        this.personAskedAt = null;
        this.lastError = "confirmed not sent by " + who;
    }

    /** A person decided that this message is not to be sent, whatever happened to it. */
    void givenUpBy(String who) {
        this.status = OutboxStatus.FAILED;
        this.leaseUntil = null;
        this.lastError = "uncertain send given up by " + who;
    }

    void cancelled(String why) {
        this.status = OutboxStatus.CANCELLED;
        this.leaseUntil = null;
        this.lastError = why;
    }

    void retryAt(Instant at, String error) {
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = at;
        this.leaseUntil = null;
        this.lastError = error;
    }

    void failed(String error) {
        this.status = OutboxStatus.FAILED;
        this.leaseUntil = null;
        this.lastError = error;
    }

    /**
     * A delivery report from the provider. Reports arrive late, twice, or out of order: a final state
     * (delivered, undelivered, failed) is never changed back. Returns whether anything changed.
     */
    boolean reported(OutboxStatus reported, String error) {
        boolean isFinal = status == OutboxStatus.DELIVERED || status == OutboxStatus.UNDELIVERED
                || status == OutboxStatus.FAILED;
        if (isFinal || reported == status || reported == OutboxStatus.SENT) {
            return false;
        }
        status = reported;
        lastError = error;
        return true;
    }

    /**
     * Stays SENDING: nobody may resend it before the provider has been asked (at {@code askAt}).
     *
     * @param providerId what the provider would know it by (an email's Message-ID), if known
     */
    void awaitReconciliation(String recipient, Instant askAt, String error, String providerId, Instant now) {
        this.recipient = recipient;
        this.leaseUntil = askAt;
        this.lastError = error;
        if (providerId != null) {
            this.providerId = providerId;
        }
        if (uncertainSince == null) {
            this.uncertainSince = now;
        }
    }

    /** The provider could not tell: asked again at {@code recheckAt}, until a person is asked. */
    void unknown(String recipient, String error, Instant now, Instant recheckAt) {
        this.recipient = recipient;
        this.status = OutboxStatus.UNKNOWN;
        this.leaseUntil = null;
        this.lastError = error;
        this.nextAttemptAt = recheckAt;
        if (uncertainSince == null) {
            this.uncertainSince = now;
        }
    }

    /** Rechecked, and the provider still cannot tell. */
    void stillUnknown(String error, Instant now, Instant recheckAt) {
        this.lastError = error;
        this.nextAttemptAt = recheckAt;
        if (uncertainSince == null) {
            this.uncertainSince = now;
        }
    }

    void personAsked(Instant at) {
        this.personAskedAt = at;
    }

    /** UNKNOWN and being rechecked under this claim: no person and no other node changed it since. */
    boolean isRecheckedBy(UUID claim) {
        return status == OutboxStatus.UNKNOWN && claim.equals(claimToken);
    }

    public Instant getUncertainSince() {
        return uncertainSince;
    }

    public Instant getPersonAskedAt() {
        return personAskedAt;
    }

    public String getCaseRef() {
        return caseRef;
    }

    public String getStep() {
        return step;
    }

    public Channel getChannel() {
        return channel;
    }

    public MessageKind getKind() {
        return kind;
    }

    public Tone getTone() {
        return tone;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    /** Still SENDING under this claim: nobody took it over since. */
    boolean isHeldBy(UUID claim) {
        return status == OutboxStatus.SENDING && claim.equals(claimToken);
    }

    public Map<String, String> getParameters() {
        return parameters == null ? Map.of() : parameters;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getRecipient() {
        return recipient;
    }

    /**
     * What the composer writes for rows that go out as one message: the first row's, about every row's
     * invoice (the rows are one customer's, on one channel, of one kind, tone and wording).
     */
    public static MessageToCompose toCompose(List<OutboxMessage> rows) {
        OutboxMessage first = rows.get(0);
        return new MessageToCompose(first.getId(), first.channel, first.kind, first.tone, first.customerId,
                rows.stream().map(OutboxMessage::getInvoiceId).filter(Objects::nonNull).toList(), first.getParameters());
    }

    /** The message as it went to the provider, if it got that far. */
    OutboundMessage asSent() {
        return renderedText == null ? null
                : new OutboundMessage(getId(), channel, recipient, renderedSubject, renderedText, null);
    }

    public String getProviderId() {
        return providerId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}

package io.recouvra.trail;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/**
 * One contact with a debtor, or one fact about such a contact: a message sent or refused, a delivery
 * report, a reply, an opt-out, a call. Rows are only ever added: this is the evidence a court, an
 * insurer or an agency asks for.
 */
@Entity
public class Interaction extends AssignedIdEntity {

    public enum Medium { EMAIL, SMS, LETTER, PHONE, PORTAL, AGENCY, COURT, SYSTEM }

    public enum Direction { OUTBOUND, INBOUND, INTERNAL }

    public enum Type {
        MESSAGE_SENT, MESSAGE_FAILED, MESSAGE_UNCERTAIN, MESSAGE_STATUS, REPLY, OPT_OUT, OPT_IN, NOTE,
        CALL, PROMISE_TO_PAY, BROKEN_PROMISE, DISPUTE, HOLD, ESCALATION, WRITE_OFF,
        /** A step of a court case: request, filing, order, service, opposition, enforcement (channel COURT). */
        COURT_STEP,
        /** Insolvency proceedings: reported, published, and what their opening stopped (docs/insolvency.md). */
        INSOLVENCY
    }

    @Column(insertable = false, updatable = false)
    private Long seq;
    private UUID customerId;
    private UUID invoiceId;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Medium channel;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Enumerated(EnumType.STRING)
    private Type type;
    private String summary;
    private String content;
    private UUID outboxMessageId;
    /** The provider's id of an inbound message, so that a retried webhook is stored once. */
    private String externalRef;
    /** The user who acted (Tasklist or API); null when Recouvra acted on its own. */
    private String actor;

    protected Interaction() {
    }

    Interaction(UUID customerId, UUID invoiceId, Instant occurredAt, Medium channel, Direction direction, Type type,
                String summary, String content, UUID outboxMessageId) {
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.occurredAt = occurredAt;
        this.channel = channel;
        this.direction = direction;
        this.type = type;
        this.summary = summary.length() > 500 ? summary.substring(0, 497) + "..." : summary;
        this.content = content;
        this.outboxMessageId = outboxMessageId;
    }

    Interaction by(String actor) {
        this.actor = actor;
        return this;
    }

    Interaction withExternalRef(String externalRef) {
        this.externalRef = externalRef;
        return this;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Medium getChannel() {
        return channel;
    }

    public Direction getDirection() {
        return direction;
    }

    public Type getType() {
        return type;
    }

    public String getSummary() {
        return summary;
    }

    public String getContent() {
        return content;
    }

    public UUID getOutboxMessageId() {
        return outboxMessageId;
    }

    public String getActor() {
        return actor;
    }
}

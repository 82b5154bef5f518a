package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.LetterAcknowledgements;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.trail.Interaction.Type;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery reports from the providers (an SMS's status, a registered letter's acknowledgement of receipt):
 * the outbox row and the audit trail follow them.
 */
@Service
public class DeliveryReports implements LetterAcknowledgements {

    private static final Map<String, OutboxStatus> TWILIO_STATUSES = Map.of(
            "accepted", OutboxStatus.SENT, "queued", OutboxStatus.SENT, "sending", OutboxStatus.SENT,
            "sent", OutboxStatus.SENT, "delivered", OutboxStatus.DELIVERED, "read", OutboxStatus.DELIVERED,
            "undelivered", OutboxStatus.UNDELIVERED, "failed", OutboxStatus.FAILED);

    private final OutboxMessageRepository outbox;
    private final MessageTrail interactions;
    private final Refusals refusals;

    DeliveryReports(OutboxMessageRepository outbox, MessageTrail interactions, Refusals refusals) {
        this.outbox = outbox;
        this.interactions = interactions;
        this.refusals = refusals;
    }

    /** The acknowledgement of receipt of a registered letter came back signed. */
    @Override
    @Transactional
    public boolean letterAcknowledged(String providerId) {
        boolean changed = false;
        for (OutboxMessage row : outbox.findByChannelAndProviderId(Channel.LETTER, providerId)) {
            if (row.reported(OutboxStatus.DELIVERED, null)) {
                interactions.recordMessage(row, Type.MESSAGE_STATUS, row.getKind() + " (" + row.getStep()
                        + ") registered letter received: acknowledgement of receipt signed", null);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A delivery report for an SMS; every row the message covered follows it. A report of failure is
     * a refusal like any other: the number may be opted out, the step may move to another channel,
     * or the collectors get a task.
     *
     * @return false when the report is for no message of ours or changes nothing (a repeated report)
     */
    @Transactional
    public boolean smsReported(String messageSid, String twilioStatus, String errorCode) {
        OutboxStatus reported = TWILIO_STATUSES.get(twilioStatus == null ? "" : twilioStatus.toLowerCase(Locale.ROOT));
        if (reported == null) {
            return false;
        }
        boolean hasError = errorCode != null && !errorCode.isBlank();
        String error = hasError ? "Twilio error " + errorCode : null;
        boolean changed = false;
        for (OutboxMessage row : outbox.findByChannelAndProviderId(Channel.SMS, messageSid)) {
            if (!row.reported(reported, error)) {
                continue;
            }
            changed = true;
            interactions.recordMessage(row, Type.MESSAGE_STATUS, row.getKind() + " (" + row.getStep() + ") by SMS "
                    + reported.name().toLowerCase(Locale.ROOT) + (error == null ? "" : ": " + error), null);
            if (reported == OutboxStatus.FAILED || reported == OutboxStatus.UNDELIVERED) {
                refusals.refused(row, new SendOutcome.PermanentFailure(hasError ? errorCode : "UNDELIVERED",
                        "reported " + twilioStatus + " by Twilio"));
            }
        }
        return changed;
    }
}

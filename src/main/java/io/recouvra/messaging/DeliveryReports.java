package io.recouvra.messaging;

import io.recouvra.messaging.Interaction.Type;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivery reports from the SMS provider: the outbox row and the audit trail follow them. */
@Service
class DeliveryReports {

    private static final Map<String, OutboxStatus> TWILIO_STATUSES = Map.of(
            "accepted", OutboxStatus.SENT, "queued", OutboxStatus.SENT, "sending", OutboxStatus.SENT,
            "sent", OutboxStatus.SENT, "delivered", OutboxStatus.DELIVERED, "read", OutboxStatus.DELIVERED,
            "undelivered", OutboxStatus.UNDELIVERED, "failed", OutboxStatus.FAILED);

    private final OutboxMessageRepository outbox;
    private final InteractionLog interactions;
    private final OptOuts optOuts;

    DeliveryReports(OutboxMessageRepository outbox, InteractionLog interactions, OptOuts optOuts) {
        this.outbox = outbox;
        this.interactions = interactions;
        this.optOuts = optOuts;
    }

    /** The acknowledgement of receipt of a registered letter came back signed. */
    @Transactional
    boolean letterAcknowledged(String providerId) {
        return outbox.findByChannelAndProviderId(Channel.LETTER, providerId).map(row -> {
            if (!row.reported(OutboxStatus.DELIVERED, null)) {
                return false;
            }
            interactions.recordMessage(row, Type.MESSAGE_STATUS, row.getKind() + " (" + row.getStep()
                    + ") registered letter received: acknowledgement of receipt signed", null);
            return true;
        }).orElse(false);
    }

    /** @return false when the report is for no message of ours or changes nothing (a repeated report) */
    @Transactional
    boolean smsReported(String messageSid, String twilioStatus, String errorCode) {
        OutboxStatus reported = TWILIO_STATUSES.get(twilioStatus == null ? "" : twilioStatus.toLowerCase(Locale.ROOT));
        if (reported == null) {
            return false;
        }
        return outbox.findByChannelAndProviderId(Channel.SMS, messageSid).map(row -> {
            String error = errorCode == null || errorCode.isBlank() ? null : "Twilio error " + errorCode;
            if (!row.reported(reported, error)) {
                return false;
            }
            interactions.recordMessage(row, Type.MESSAGE_STATUS, row.getKind() + " (" + row.getStep() + ") by SMS "
                    + reported.name().toLowerCase(Locale.ROOT) + (error == null ? "" : ": " + error), null);
            if (String.valueOf(TwilioSmsChannel.OPTED_OUT).equals(errorCode)) {
                optOuts.optOut(Channel.SMS, row.getRecipient(), "TWILIO_" + errorCode);
            }
            return true;
        }).orElse(false);
    }
}

package io.recouvra.messaging;

import io.recouvra.messaging.Interaction.Type;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The person's side of an uncertain send: after checking the provider's console, someone marks the
 * message as sent (with the provider's id) or as not sent (it then goes out again). On the record.
 */
@Service
class UncertainMessages {

    private final OutboxMessageRepository outbox;
    private final InteractionLog interactions;
    private final Clock clock;

    UncertainMessages(OutboxMessageRepository outbox, InteractionLog interactions, Clock clock) {
        this.outbox = outbox;
        this.interactions = interactions;
        this.clock = clock;
    }

    @Transactional
    OutboxMessage resolve(UUID id, boolean wasSent, String providerId, String who) {
        OutboxMessage row = outbox.findById(id).orElseThrow(() -> new NotFoundException("No message " + id));
        if (row.getStatus() != OutboxStatus.UNKNOWN) {
            throw new InvalidInputException("id", "message is " + row.getStatus() + ", not UNKNOWN");
        }
        if (wasSent && !StringUtils.hasText(providerId)) {
            throw new InvalidInputException("providerId", "is required when the message was sent");
        }
        String what = row.getKind() + " (" + row.getStep() + ") by " + row.getChannel();
        if (wasSent) {
            row.confirmedSent(providerId, clock.instant(), who);
            interactions.recordMessage(row, Type.MESSAGE_SENT, what + " confirmed sent by " + who
                    + " (provider id " + providerId + ")", null);
        } else {
            row.confirmedNotSent(clock.instant(), who);
            interactions.recordMessage(row, Type.NOTE, what + " confirmed not sent by " + who + "; sending again", null);
        }
        return row;
    }
}

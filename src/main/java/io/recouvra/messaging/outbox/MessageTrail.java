package io.recouvra.messaging.outbox;

import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import org.springframework.stereotype.Component;

/** What happens to an outbox message, on the interaction trail: each entry names the message it is about. */
@Component
class MessageTrail {

    private final InteractionLog interactions;

    MessageTrail(InteractionLog interactions) {
        this.interactions = interactions;
    }

    void recordMessage(OutboxMessage message, Type type, String summary, String content) {
        interactions.recordMessage(message.getId(), message.getCustomerId(), message.getInvoiceId(),
                Medium.valueOf(message.getChannel().name()), type, summary, content);
    }
}

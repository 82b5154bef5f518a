package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.ChannelAdapter;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The person's side of an uncertain send, through the API or the Tasklist task: after checking the
 * provider's console, the recipient or the mail server's logs, someone decides that the message was
 * delivered (with the provider's id), that it is to be sent again, or that it is given up. A resend is
 * refused while the provider says it holds the message. On the record.
 */
@Service
class UncertainMessages {

    enum Outcome {
        /** it went out: the provider's id (or the Message-ID already known) is kept */
        DELIVERED,
        /** it never went out: sent again at once */
        RESEND,
        /** not to be sent, whatever happened to it */
        GIVE_UP
    }

    private final OutboxMessageRepository outbox;
    private final MessageTrail interactions;
    private final UncertainMessageTasks tasks;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UncertainMessages(OutboxMessageRepository outbox, MessageTrail interactions, UncertainMessageTasks tasks,
                      List<ChannelAdapter> adapters, Clock clock, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.events = events;
        this.interactions = interactions;
        this.tasks = tasks;
        this.clock = clock;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
    }

    /** Through the API: the person's task, if there is one, is closed as decided elsewhere. */
    @Transactional
    OutboxMessage resolve(UUID id, Outcome outcome, String providerId, String who) {
        OutboxMessage row = decide(id, outcome, providerId, who);
        tasks.decidedElsewhere(row);
        return row;
    }

    /** From the Tasklist task itself, as it is completed. */
    @Transactional
    OutboxMessage resolveFromTask(UUID id, Outcome outcome, String providerId, String who) {
        return decide(id, outcome, providerId, who);
    }

    private OutboxMessage decide(UUID id, Outcome outcome, String providerId, String who) {
        OutboxMessage row = outbox.findById(id).orElseThrow(() -> new NotFoundException("No message " + id));
        if (row.getStatus() != OutboxStatus.UNKNOWN) {
            throw new InvalidInputException("id", "message is " + row.getStatus() + ", not UNKNOWN");
        }
        String what = row.getKind() + " (" + row.getStep() + ") by " + row.getChannel();
        switch (outcome) {
            case DELIVERED -> {
                String confirmedId = StringUtils.hasText(providerId) ? providerId.strip() : row.getProviderId();
                if (!StringUtils.hasText(confirmedId)) {
                    throw new InvalidInputException("providerId", "is required when the message was sent");
                }
                row.confirmedSent(confirmedId, clock.instant(), who);
                interactions.recordMessage(row, Type.MESSAGE_SENT, what + " confirmed sent by " + who
                        + " (provider id " + confirmedId + ")", null);
                // the provider tells no time it took the message: sentAt is the confirmation (docs/messaging.md)
                events.publishEvent(row.announcement());
            }
            case RESEND -> {
                refuseIfTheProviderHoldsIt(row);
                row.confirmedNotSent(clock.instant(), who);
                interactions.recordMessage(row, Type.NOTE, what + " confirmed not sent by " + who + "; sending again", null);
            }
            case GIVE_UP -> {
                row.givenUpBy(who);
                interactions.recordMessage(row, Type.NOTE, what + " given up by " + who
                        + " without knowing whether it was sent", null);
            }
        }
        return row;
    }

    /** The provider is asked once more: a message it holds reached it, and must not go out twice. */
    private void refuseIfTheProviderHoldsIt(OutboxMessage row) {
        OutboundMessage sent = row.asSent();
        ChannelAdapter adapter = adapters.get(row.getChannel());
        if (sent == null || adapter == null) {
            return;
        }
        if (adapter.reconcile(sent, row.getUncertainSince(), row.getProviderId()) instanceof SendOutcome.Sent held) {
            throw new ConflictException("outcome", "the " + row.getChannel() + " provider holds this message (provider id "
                    + held.providerId() + "): it was sent, so it is not sent again; resolve it as DELIVERED");
        }
    }
}

package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.channel.SendOutcome.PermanentFailure;
import io.recouvra.messaging.composition.MessageTemplates;
import io.recouvra.trail.Interaction.Type;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When a channel refuses a debtor for good (no contact on it, opted out, invalid or non-mobile
 * number, refused address), the same step of the case goes out on the next channel: SMS then email,
 * email then registered letter for the kinds that have a letter. Refusals of the message itself (it
 * could not be composed, no adapter) do not move it: another channel would fail the same way.
 */
@Component
class ChannelFallback {

    /** Our codes, and Twilio's for an unreachable debtor (opted out, invalid, not mobile, unreachable, carrier refusals). */
    static final Set<String> DEBTOR_UNREACHABLE = Set.of("NO_RECIPIENT", "OPTED_OUT", "RECIPIENT_REFUSED", "UNDELIVERED",
            "21610", "21211", "21614", "21612", "30003", "30005", "30006", "30007");

    private final Messages messages;
    private final MessageTemplates templates;
    private final MessageTrail interactions;
    private final Clock clock;

    ChannelFallback(Messages messages, MessageTemplates templates, MessageTrail interactions, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.interactions = interactions;
        this.clock = clock;
    }

    /** @return whether the step now goes out on another channel */
    boolean afterRefusal(OutboxMessage row, PermanentFailure refusal) {
        if (!DEBTOR_UNREACHABLE.contains(refusal.code())) {
            return false;
        }
        Channel next = switch (row.getChannel()) {
            case SMS -> Channel.EMAIL;
            case EMAIL -> templates.hasLetter(row.getKind(), "fr") ? Channel.LETTER : null;
            case LETTER -> null;
        };
        if (next == null) {
            return false;
        }
        // Already asked for on that channel (by the process, or by an earlier refusal): it goes out there.
        if (messages.enqueue(row.getCaseRef(), row.getStep(), next, row.getKind(), row.getTone(),
                row.getCustomerId(), row.getInvoiceId(), clock.instant(), row.getParameters())) {
            interactions.recordMessage(row, Type.NOTE, row.getKind() + " (" + row.getStep() + ") moved from "
                    + row.getChannel() + " to " + next + " after: " + refusal.code(), null);
        }
        return true;
    }
}

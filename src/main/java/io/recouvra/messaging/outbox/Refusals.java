package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.messaging.channel.TwilioSmsChannel;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import org.springframework.stereotype.Component;

/**
 * What follows a final refusal, whether the provider said it at once or in a later delivery report:
 * an unsubscribed number is opted out (on the record), the step moves to the next channel, and when
 * no channel of the step reached the debtor and none is left to try, the collectors get a task.
 */
@Component
class Refusals {

    private final OptOuts optOuts;
    private final ChannelFallback fallback;
    private final UndeliverableMessages undeliverable;
    private final InteractionLog interactions;

    Refusals(OptOuts optOuts, ChannelFallback fallback, UndeliverableMessages undeliverable, InteractionLog interactions) {
        this.optOuts = optOuts;
        this.fallback = fallback;
        this.undeliverable = undeliverable;
        this.interactions = interactions;
    }

    void refused(OutboxMessage row, SendOutcome.PermanentFailure refusal) {
        if (String.valueOf(TwilioSmsChannel.OPTED_OUT).equals(refusal.code()) && row.getRecipient() != null
                && optOuts.optOut(Channel.SMS, row.getRecipient(), "TWILIO_" + refusal.code())) {
            interactions.record(row.getCustomerId(), row.getInvoiceId(), Medium.SMS, Interaction.Direction.INTERNAL,
                    Type.OPT_OUT, "SMS opt-out of " + row.getRecipient() + " learnt from Twilio (21610)", null);
        }
        fallback.afterRefusal(row, refusal);
        undeliverable.raise(row);
    }

    /** Temporary failures until the last attempt: no other channel is tried; a person takes over if none reached the debtor. */
    void gaveUp(OutboxMessage row) {
        undeliverable.raise(row);
    }
}

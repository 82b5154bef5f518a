package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import java.time.Instant;

/**
 * A way to reach a debtor (email, SMS, registered letter). Each has a production implementation and
 * a sandbox one, chosen by configuration. An adapter makes exactly one attempt per call: retries are
 * the outbox's decision, never the adapter's or its client library's.
 */
public interface ChannelAdapter {

    Channel channel();

    SendOutcome send(OutboundMessage message);

    /**
     * After an unknown outcome: does the provider have this message? Adapters whose provider cannot
     * be asked answer {@link SendOutcome.Unknown}, and the message waits for a person.
     */
    default SendOutcome reconcile(OutboundMessage message) {
        return new SendOutcome.Unknown(channel() + " provider cannot be asked whether it has message " + message.id());
    }

    /**
     * The same question with what is known about the attempt: when it was made (null if unknown) and
     * the provider's id of the message (a Message-ID, a Twilio SID), when there is one.
     */
    default SendOutcome reconcile(OutboundMessage message, Instant attemptedAt, String providerId) {
        return reconcile(message);
    }
}

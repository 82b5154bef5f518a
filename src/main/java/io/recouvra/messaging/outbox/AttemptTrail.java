package io.recouvra.messaging.outbox;

import io.recouvra.messaging.channel.SendOutcome.TemporaryFailure;
import io.recouvra.messaging.channel.SendOutcome.Unknown;
import io.recouvra.trail.Interaction.Type;
import java.time.Instant;

/**
 * Every attempt that did not end in "sent" stays on the record, each its own interaction: when, on
 * which channel, the attempt's number, and what the provider said (in full, as the interaction's
 * content). The outbox row only holds the latest error; the trail holds them all.
 */
final class AttemptTrail {

    private final MessageTrail interactions;
    private final int maxAttempts;

    AttemptTrail(MessageTrail interactions, int maxAttempts) {
        this.interactions = interactions;
        this.maxAttempts = maxAttempts;
    }

    void failed(OutboxMessage row, TemporaryFailure failure, Instant retryAt) {
        interactions.recordMessage(row, Type.MESSAGE_FAILED, what(row) + ", attempt " + row.getAttempts() + " of "
                + maxAttempts + ", not sent: " + failure.reason() + "; tried again at " + retryAt, provider(failure.reason()));
    }

    void uncertain(OutboxMessage row, Unknown unknown, Instant askAt) {
        String id = unknown.providerId() == null ? "" : " (provider id " + unknown.providerId() + ")";
        interactions.recordMessage(row, Type.MESSAGE_UNCERTAIN, what(row) + ", attempt " + row.getAttempts()
                + ", may have been sent" + id + ": " + unknown.reason() + "; the provider is asked at " + askAt
                + ", nothing is resent before", provider(unknown.reason()));
    }

    private static String what(OutboxMessage row) {
        return row.getKind() + " (" + row.getStep() + ") by " + row.getChannel();
    }

    private static String provider(String answer) {
        return "Provider: " + answer;
    }
}

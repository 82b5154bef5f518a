package io.recouvra.messaging.channel;

/**
 * What one attempt at the provider gave. The difference between a temporary failure and an unknown
 * outcome is the whole point: the first was certainly not sent and may be retried, the second may
 * have reached the debtor and must never be retried blindly.
 */
public sealed interface SendOutcome {

    record Sent(String providerId) implements SendOutcome {
    }

    /** Certainly not sent (connection refused, rate limit, credentials refused): retry later. */
    record TemporaryFailure(String reason) implements SendOutcome {
    }

    /** Will never be sent this way (opted out, invalid number or address): do not retry. */
    record PermanentFailure(String code, String reason) implements SendOutcome {
    }

    /**
     * Maybe sent (timeout after the request left, a 5xx): reconcile with the provider before anything else.
     *
     * @param providerId what the provider would know the message by, when known without its answer
     *                   (an email's Message-ID); otherwise null
     */
    record Unknown(String reason, String providerId) implements SendOutcome {

        public Unknown(String reason) {
            this(reason, null);
        }
    }
}

package io.recouvra.messaging.outbox;

public enum OutboxStatus {
    /** Waiting for its time (next_attempt_at), first or after a temporary failure. */
    PENDING,
    /** Claimed by a dispatcher, which is talking to the provider until lease_until. */
    SENDING,
    /** The provider accepted it. */
    SENT,
    DELIVERED,
    UNDELIVERED,
    /** Given up: a permanent refusal, or too many temporary failures. */
    FAILED,
    /** The provider may or may not have it, and cannot tell: a person must look before any resend. */
    UNKNOWN,
    CANCELLED
}

package io.recouvra.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider took a message (for a registered letter: it was posted). Published by the outbox in the transaction
 * that records it, so a listener's work commits with the record; heard by features whose deadlines run from the
 * sending (a guarantee call's answer).
 */
public record MessageSent(UUID messageId, String caseRef, String step, Channel channel, MessageKind kind, Instant sentAt) {
}

package io.recouvra.messaging;

import java.util.UUID;

/** A rendered message, ready for a channel adapter. */
public record OutboundMessage(UUID id, Channel channel, String recipient, String subject, String text, String html) {
}

package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import java.util.UUID;

/**
 * A rendered message, ready for a channel adapter.
 *
 * @param recipient an email address, a phone number in E.164, or a postal address (one line per line)
 * @param text      the text version; for a letter, its text as read from the PDF
 * @param letter    the letter as PDF, for a registered letter or attached to the email of the same step
 */
public record OutboundMessage(UUID id, Channel channel, String recipient, String subject, String text, String html,
                              byte[] letter) {

    public OutboundMessage(UUID id, Channel channel, String recipient, String subject, String text, String html) {
        this(id, channel, recipient, subject, text, html, null);
    }
}

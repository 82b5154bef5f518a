package io.recouvra.messaging.composition;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Tone;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the composer is asked to write: a message of one kind and tone to one customer on one channel,
 * about its invoices (several when reminders due together go out as one).
 *
 * @param id         the message's id, which the provider sees (a Message-ID, a letter's reference)
 * @param invoiceIds none for a message about no invoice
 * @param parameters what only this kind of message needs, as text the templates show as is
 */
public record MessageToCompose(UUID id, Channel channel, MessageKind kind, Tone tone, UUID customerId,
                               List<UUID> invoiceIds, Map<String, String> parameters) {
}

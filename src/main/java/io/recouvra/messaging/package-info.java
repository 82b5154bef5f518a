/**
 * Everything that reaches a debtor. This package is the module's API, what other features use: {@link
 * io.recouvra.messaging.Messages} (ask for a message), {@link io.recouvra.messaging.MessageKind}, {@link
 * io.recouvra.messaging.Channel}, {@link io.recouvra.messaging.Tone}, the {@link
 * io.recouvra.messaging.DisputeRequested} event, and what letters and calendars share: {@link
 * io.recouvra.messaging.Creditor}, {@link io.recouvra.messaging.CreditorIdentity}, {@link
 * io.recouvra.messaging.LetterRenderer}, {@link io.recouvra.messaging.PortalLinks}, {@link
 * io.recouvra.messaging.MessageCatalog}, {@link io.recouvra.messaging.PublicHolidays}.
 *
 * <p>Its parts are sub-packages, internal to the module (ModuleStructureTest fails if another module uses them):
 * <ul>
 * <li>{@code outbox}: the outbox and its dispatch, each message sent once; uncertain sends, refusals, the
 * undeliverable task, delivery reports;</li>
 * <li>{@code channel}: one adapter per way to reach a debtor (SMTP, Twilio, a postal API, the sandboxes);</li>
 * <li>{@code webhook}: what Twilio calls, delivery reports and the SMS debtors send back;</li>
 * <li>{@code composition}: templates and the composer that writes a message from the ledger;</li>
 * <li>{@code contact}: when a debtor may be contacted, and who opted out.</li>
 * </ul>
 * They depend one way (MessagingPartsTest checks it): the outbox uses the channels, the composition and
 * the contact policy; the webhooks use the outbox; the composition writes for the channels; the channels
 * and the contact policy know no other part. What happens to each message is written to the interaction
 * trail ({@code io.recouvra.trail}).
 */
package io.recouvra.messaging;

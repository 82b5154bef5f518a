package io.recouvra.messaging.channel;

/**
 * Where a postal service's signed acknowledgements of receipt go: the outbox marks the letter delivered
 * ({@code outbox.DeliveryReports}). An interface, so that the channels need not know the outbox that uses them.
 */
public interface LetterAcknowledgements {

    /** @return false when it changes nothing: no letter of ours, or one acknowledged already */
    boolean letterAcknowledged(String providerId);
}

package io.recouvra.messaging;

import java.util.UUID;

/**
 * A debtor answered a message with the dispute keyword the templates advertise (LITIGE, DISPUTE).
 * Published for the dispute process to pick up; the reply itself is already in the interaction log.
 */
public record DisputeRequested(UUID customerId, String phone, String text) {
}

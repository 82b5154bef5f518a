package io.recouvra.portal;

import io.recouvra.messaging.PortalLinks.Purpose;
import java.time.Instant;
import java.util.UUID;

/** What a valid token opens: the customer it names, for what, until when, and the link's id (the one that is revoked and logged). */
record PortalLink(String id, UUID customerId, Purpose purpose, Instant expiresAt) {
}

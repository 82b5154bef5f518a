package io.recouvra.portal;

import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's view of the portal links sent to a customer, and the way to stop them: a link forwarded to the wrong
 * person, a contact who left the company. The tokens themselves are never kept, so never shown.
 */
@RestController
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
@Tag(name = "Portal links", description = "The debtor portal's links sent to a customer, and their revocation")
class PortalLinkController {

    enum State { OPEN, EXPIRED, REVOKED }

    record LinkView(String id, String purpose, Instant issuedAt, Instant expiresAt, Instant revokedAt, State state) {
    }

    record Revocation(int revoked) {
    }

    private final PortalTokens tokens;
    private final CustomerService customers;
    private final InteractionLog trail;
    private final Clock clock;

    PortalLinkController(PortalTokens tokens, CustomerService customers, InteractionLog trail, Clock clock) {
        this.tokens = tokens;
        this.customers = customers;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/{id}/portal-links")
    @Operation(summary = "The portal links sent to the customer, newest first, with whether each still opens the portal")
    List<LinkView> links(@PathVariable UUID id) {
        customers.get(id);
        Instant now = clock.instant();
        return tokens.linksOf(id).stream().map(link -> new LinkView(link.id(), link.purpose().name(), link.issuedAt(),
                link.expiresAt(), link.revokedAt(), link.revokedAt() != null ? State.REVOKED
                        : now.isBefore(link.expiresAt()) ? State.OPEN : State.EXPIRED)).toList();
    }

    @PostMapping("/api/v1/portal-links/{linkId}/revocation")
    @Operation(summary = "Stop one link from opening the portal",
            description = "The debtor who opens it is told the link is no longer valid and how to get a new one. "
                    + "Revoking a link already revoked or expired changes nothing (revoked: 0).")
    @Transactional
    Revocation revoke(@PathVariable String linkId) {
        UUID customerId = tokens.customerOf(linkId)
                .orElseThrow(() -> new NotFoundException("No portal link " + linkId));
        int revoked = tokens.revoke(linkId) ? 1 : 0;
        if (revoked == 1) {
            trail.record(customerId, null, Medium.PORTAL, Direction.OUTBOUND, Type.NOTE,
                    "Portal link " + linkId + " revoked", null);
        }
        return new Revocation(revoked);
    }

    @PostMapping("/api/v1/customers/{id}/portal-links/revocation")
    @Operation(summary = "Stop every open link of the customer", description = "The next message carries a fresh link.")
    @Transactional
    Revocation revokeAll(@PathVariable UUID id) {
        customers.get(id);
        int revoked = tokens.revokeAll(id);
        if (revoked > 0) {
            trail.record(id, null, Medium.PORTAL, Direction.OUTBOUND, Type.NOTE,
                    "Every open portal link revoked (" + revoked + ")", null);
        }
        return new Revocation(revoked);
    }
}

package io.recouvra.insolvency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A judgment closed proceedings: published once, in the transaction that records it. The running declaration of
 * claims hears it (message {@link DeclarationOfClaimsContract#MESSAGE_PROCEEDINGS_CLOSED}).
 */
public record ProceedingsClosed(UUID proceedingsId, UUID customerId, ProceedingsKind proceedingsKind, ClosingKind closingKind,
                                LocalDate judgmentDate) {
}

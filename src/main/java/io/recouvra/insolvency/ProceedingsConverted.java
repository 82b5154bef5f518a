package io.recouvra.insolvency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A judgment converted proceedings into another kind: published once, in the transaction that records it. The same
 * proceedings go on: the claims born before the opening judgment stay frozen, and their declaration stands.
 */
public record ProceedingsConverted(UUID proceedingsId, UUID customerId, ProceedingsKind from, ProceedingsKind to,
                                   LocalDate judgmentDate) {
}

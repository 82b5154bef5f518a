package io.recouvra.insolvency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Proceedings were opened against a customer: published once, in the transaction that records them. Every automated
 * action on the claims born before {@code judgmentDate} stops (docs/insolvency.md, "The stop").
 */
public record InsolvencyOpened(UUID proceedingsId, UUID customerId, ProceedingsKind kind, LocalDate judgmentDate) {
}

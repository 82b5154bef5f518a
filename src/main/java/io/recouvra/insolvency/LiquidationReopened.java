package io.recouvra.insolvency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A liquidation closed for insufficient assets was reopened (art. L643-13 C. com.): published once, in the transaction
 * that records it. The same proceedings are open again; the claims declared in them stay declared.
 *
 * @param reopeningId the reopening's own id (table insolvency_reopening)
 * @param closedOn    the day of the closing judgment the reopening undoes
 */
public record LiquidationReopened(UUID reopeningId, UUID proceedingsId, UUID customerId, LocalDate closedOn, LocalDate judgmentDate) {
}

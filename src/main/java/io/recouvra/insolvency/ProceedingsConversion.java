package io.recouvra.insolvency;

import java.time.LocalDate;

/**
 * A judgment converting proceedings into another kind: safeguard into receivership or liquidation (art. L622-10 C.
 * com.), receivership into liquidation (art. L631-15 II), or into liquidation when a plan is resolved (art. L626-27).
 * The court and the representative (the liquidator, in a liquidation) are given when they change.
 */
public record ProceedingsConversion(ProceedingsKind kind, LocalDate judgmentDate, String court, String representativeName,
                                    String representativeAddress) {
}

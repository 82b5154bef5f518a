package io.recouvra.insolvency;

import java.time.LocalDate;

/**
 * A judgment converting proceedings into another kind during their observation period: safeguard into receivership or
 * liquidation (art. L622-10 C. com.), receivership into liquidation (art. L631-15 II). The court and the representative
 * (the liquidator, in a liquidation) are given when they change.
 *
 * <p>Not the resolution of a safeguard or recovery plan (art. L626-27 I C. com.): that judgment ends the plan, and the
 * proceedings if still running; where the cessation of payments is found during the plan, the court opens new
 * proceedings (receivership, or liquidation when recovery is manifestly impossible; liquidation after a recovery plan,
 * art. L631-20-1), with their own opening judgment. The creditors bound by the plan or admitted in the first proceedings
 * need not declare again (art. L626-27 III: their plan claims are admitted less what they received); claims born during
 * the plan are declared in the new proceedings. It is recorded as new proceedings, not as a conversion.
 */
public record ProceedingsConversion(ProceedingsKind kind, LocalDate judgmentDate, String court, String representativeName,
                                    String representativeAddress) {
}

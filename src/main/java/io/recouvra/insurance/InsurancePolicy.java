package io.recouvra.insurance;

import java.math.BigDecimal;
import java.time.Period;
import java.util.UUID;

/**
 * The creditor's credit-insurance policy: who insures, what share of a loss it pays, which invoices it
 * covers, and the deadlines that keep the cover (see {@link DeclarationDeadlines}).
 */
public record InsurancePolicy(UUID id, String insurer, String policyNumber, String currency, BigDecimal coveredShare,
                              BigDecimal unnamedCoveredShare, BigDecimal discretionaryLimit, int maxCreditDays,
                              DeclarationBasis declarationBasis, Period declarationPeriod, Period maxExtensionPeriod,
                              Period waitingPeriod, BigDecimal reportingThreshold, int safetyMarginDays) {

    /** What the declaration period is counted from. */
    public enum DeclarationBasis {
        /** The invoice's due date. */
        DUE_DATE,
        /** The end of the longest extension the policy allows after the due date. */
        MAX_EXTENSION,
        /** The due date of the buyer's oldest unpaid insured invoice: the buyer is declared as a whole. */
        OLDEST_UNPAID
    }
}

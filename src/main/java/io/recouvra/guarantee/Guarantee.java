package io.recouvra.guarantee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One guarantee as stored (table {@code guarantee}).
 *
 * @param invoiceId          the one invoice it secures, or null when it secures the whole account
 * @param handwrittenMention a natural-person guarantor wrote (or signed electronically) the mention of art. 2297 C. civ.
 * @param reducedTo          what a disproportionate personal guarantee is reduced to (art. 2300 C. civ.), null when proportionate
 * @param paidOut            what the guarantor already paid under calls
 * @param releasedOn         the day it was given back (mainlevée), with {@code releaseReason}; null while it is not
 * @param jointAndSeveral    a personal guarantee's solidarity with the debtor (art. 2290 C. civ.): true joint and
 *                           several, false simple, null not recorded (registered before the register asked) or not a
 *                           personal guarantee
 * @param principalOnly      a personal guarantee's clause limiting it to the principal, excluding interest, penalties
 *                           and other accessories (art. 2295 C. civ., "sauf clause contraire")
 */
public record Guarantee(UUID id, UUID customerId, UUID invoiceId, String invoiceNumber, GuaranteeKind kind, String providerName,
                        String providerAddress, boolean naturalPerson, BigDecimal amount, String currency, LocalDate startsOn,
                        LocalDate endsOn, String reference, String callConditions, String documentsRequired,
                        boolean handwrittenMention, BigDecimal reducedTo, LocalDate annualInformationOn, Status status,
                        BigDecimal paidOut, Instant expiryWarnedAt, Instant createdAt, LocalDate releasedOn,
                        String releaseReason, Boolean jointAndSeveral, boolean principalOnly) {

    public enum Status {
        /** In force. */
        ACTIVE,
        /** Called: the guarantor or the bank has been asked to pay and has not answered yet. */
        CALLED,
        /** Paid up to its cap. */
        EXHAUSTED,
        /** The guarantor or the bank refused to pay, or did not answer by the deadline. */
        REFUSED,
        /** Given back (renewed by another, or no longer needed). */
        RELEASED
    }

    /**
     * Whether it secures anything on that day: in force (started, not past its end), not refused or given back,
     * and, for a natural-person guarantor, with the handwritten mention without which the guarantee is void
     * (art. 2297 C. civ.).
     */
    public boolean validOn(LocalDate day) {
        boolean inForce = (status == Status.ACTIVE || status == Status.CALLED) && !day.isBefore(startsOn)
                && (endsOn == null || !day.isAfter(endsOn));
        boolean formalities = kind != GuaranteeKind.PERSONAL_GUARANTEE || !naturalPerson || handwrittenMention;
        return inForce && formalities;
    }

    /**
     * Whether the guarantor is bound jointly and severally with the debtor, without the bénéfice de discussion (art.
     * 2305 C. civ.). A personal guarantee whose solidarity was not recorded is not: solidarity is not presumed (art.
     * 1310 C. civ.).
     */
    public boolean jointlyAndSeverallyBound() {
        return Boolean.TRUE.equals(jointAndSeveral);
    }

    /** The cap left: the amount, or what art. 2300 reduced it to, less what was already paid under it. */
    public BigDecimal capLeft() {
        return capLeftWith(amount);
    }

    /** The cap that would be left were the amount changed to {@code newAmount}. */
    BigDecimal capLeftWith(BigDecimal newAmount) {
        BigDecimal cap = reducedTo != null && reducedTo.compareTo(newAmount) < 0 ? reducedTo : newAmount;
        return cap.subtract(paidOut).max(BigDecimal.ZERO);
    }
}

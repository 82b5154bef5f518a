package io.recouvra.guarantee;

/**
 * When a simple personal guarantee (cautionnement simple, art. 2290 C. civ.) may be called. A simple guarantor may
 * require the creditor to pursue the debtor first (bénéfice de discussion, art. 2305), invoking it from the first
 * proceedings against it and naming the debtor's seizable assets (art. 2305-1); a joint and several one may not.
 * The law does not forbid calling a simple guarantor at once: the choice is the creditor's
 * ({@code recouvra.guarantee.simple-guarantee-call}).
 */
public enum SimpleGuaranteeCall {
    /** Called like a joint and several guarantee; the guarantor may answer by invoking the benefit. */
    AT_ONCE,
    /**
     * Called only once the debtor was pursued in court for the invoice: an injunction to pay came back without the
     * invoice paid. Until then the escalation takes another route (the court's, when the table chooses it).
     */
    AFTER_COURT_ACTION;

    /**
     * Whether this guarantee may be called now: any guarantee but a simple personal one, and a simple one at once or
     * once the debtor was pursued in court. A personal guarantee whose solidarity was never recorded (registered
     * before the register asked) is simple: solidarity is not presumed (art. 1310 C. civ.).
     */
    boolean allows(Guarantee guarantee, boolean debtorPursuedInCourt) {
        return guarantee.kind() != GuaranteeKind.PERSONAL_GUARANTEE || guarantee.jointlyAndSeverallyBound()
                || this == AT_ONCE || debtorPursuedInCourt;
    }
}

package io.recouvra.insolvency;

/** How a judgment closed insolvency proceedings (docs/insolvency.md, "Closing the proceedings"). */
public enum ClosingKind {
    /**
     * Safeguard or receivership plan carried out (art. L626-28 C. com., applied to receivership by L631-19): the
     * declared claims were paid as the plan said and the debtor is back in bonis.
     */
    PLAN_CARRIED_OUT,
    /**
     * Liquidation closed for insufficient assets (art. L643-9): the creditors do not recover their right to sue the
     * debtor (art. L643-11, save its exceptions), so what the declared claims still lack is lost.
     */
    LIQUIDATION_INSUFFICIENT_ASSETS,
    /** Liquidation closed because the debts were paid (extinction du passif exigible, art. L643-9). */
    LIQUIDATION_DEBTS_PAID;

    /**
     * Whether the debtor comes out of the proceedings back in bonis, its creditors paid: it is then no longer "in
     * proceedings" for scoring, provisions and escalation (docs/insolvency.md, "After the closing"). Not after a
     * liquidation closed for insufficient assets: the company is dissolved and stays insolvent.
     */
    boolean backInBonis() {
        return this != LIQUIDATION_INSUFFICIENT_ASSETS;
    }

    /** A plan is carried out in safeguard or receivership; a liquidation is closed as a liquidation. */
    boolean closes(ProceedingsKind kind) {
        return (this == PLAN_CARRIED_OUT) != (kind == ProceedingsKind.LIQUIDATION);
    }
}

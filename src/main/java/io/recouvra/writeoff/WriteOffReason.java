package io.recouvra.writeoff;

/**
 * Why a debt is given up. It decides what the VAT note tells the accountant: VAT paid on a sale can be
 * recovered only once the debt is shown to be lost for good (CGI art. 272-1), not when it is given up
 * for commercial reasons.
 */
public enum WriteOffReason {
    /** Liquidation or other insolvency proceedings: recoverable once closed for insufficient assets. */
    INSOLVENCY(VatRecovery.ONCE_PROVEN),
    /** The bailiff found nothing to seize (procès-verbal de carence). */
    ENFORCEMENT_FAILED(VatRecovery.ONCE_PROVEN),
    /** The agency or the court route failed; irrecoverability still to be shown. */
    UNRECOVERABLE(VatRecovery.ONCE_PROVEN),
    /** Five years passed without an interrupting act. */
    PRESCRIBED(VatRecovery.ONCE_PROVEN),
    /** Recovery would cost more than the debt. */
    UNECONOMIC(VatRecovery.NOT_ON_ABANDONMENT),
    /** Given up in a settlement with the debtor. */
    SETTLEMENT(VatRecovery.NOT_ON_ABANDONMENT),
    OTHER(VatRecovery.NOT_ON_ABANDONMENT);

    enum VatRecovery { ONCE_PROVEN, NOT_ON_ABANDONMENT }

    private final VatRecovery vatRecovery;

    WriteOffReason(VatRecovery vatRecovery) {
        this.vatRecovery = vatRecovery;
    }

    VatRecovery vatRecovery() {
        return vatRecovery;
    }
}

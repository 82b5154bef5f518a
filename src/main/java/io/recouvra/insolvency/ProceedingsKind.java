package io.recouvra.insolvency;

/** The three French insolvency proceedings (Code de commerce, book VI). */
public enum ProceedingsKind {
    /** Sauvegarde (art. L620-1 s.): the debtor is not yet in cessation of payments. */
    SAFEGUARD,
    /** Redressement judiciaire (art. L631-1 s.): cessation of payments, the business may be saved. */
    RECEIVERSHIP,
    /** Liquidation judiciaire (art. L640-1 s.): cessation of payments, recovery manifestly impossible. */
    LIQUIDATION
}

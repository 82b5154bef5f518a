package io.recouvra.guarantee;

/** The securities Recouvra keeps on a customer's receivables (docs/guarantees.md, the legal basis of each in docs/legal.md). */
public enum GuaranteeKind {
    /** Cautionnement, art. 2288 ff. C. civ.: a guarantor pays if the debtor does not, within a cap. */
    PERSONAL_GUARANTEE,
    /** Garantie à première demande (art. 2321 C. civ.) or standby letter of credit: a bank pays on demand, until its expiry. */
    FIRST_DEMAND_GUARANTEE,
    /** Clause de réserve de propriété (art. 2367 ff. C. civ.): the goods of one invoice stay the seller's until paid. */
    RETENTION_OF_TITLE,
    /** Acompte: money the customer paid in advance, held against its invoices. */
    DEPOSIT;

    /** Whether a letter to a guarantor or a bank can call it. */
    boolean callable() {
        return this == PERSONAL_GUARANTEE || this == FIRST_DEMAND_GUARANTEE;
    }

    /** Whether it counts in the secured part of the exposure (retention of title is shown apart, see {@link GuaranteeCover}). */
    boolean secures() {
        return this != RETENTION_OF_TITLE;
    }
}

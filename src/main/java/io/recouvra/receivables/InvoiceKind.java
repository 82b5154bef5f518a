package io.recouvra.receivables;

/** What an invoice is for: a sale, or the late-payment charges Recouvra books when a payment plan charges them. */
public enum InvoiceKind {
    INVOICE,
    /** A debit note for late-payment interest and recovery indemnities: it bears neither itself. */
    LATE_CHARGES
}

package io.recouvra.receivables;

/**
 * A dispute was raised on an invoice and its dunning paused; published for whoever must know (the credit insurer).
 * Collection records and publishes it; it lives here, with the invoice whose status it concerns, so that credit
 * insurance can listen without depending on collection (which itself asks insurance whether an invoice is insured).
 */
public record DisputeRaised(String invoiceNumber, String reason, String description) {
}

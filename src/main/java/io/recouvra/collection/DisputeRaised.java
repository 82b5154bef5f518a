package io.recouvra.collection;

/** A dispute was raised on an invoice and its dunning paused; published for whoever must know (the credit insurer). */
public record DisputeRaised(String invoiceNumber, String reason, String description) {
}

package io.recouvra.insurance;

/**
 * The overdue invoice is declared and handed over: the insurer recovers it from now on, and whoever was
 * collecting it stops. Published in the hand-over's transaction.
 */
public record InsurerTookOver(String invoiceNumber) {
}

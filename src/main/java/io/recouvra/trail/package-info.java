/**
 * The interaction trail: every contact with a debtor, and every fact about one, as evidence for a court,
 * an insurer or an agency. Every feature writes to it through {@link io.recouvra.trail.InteractionLog};
 * it depends on no feature. Its entries are served over HTTP by {@code messaging.outbox.MessagingController}
 * ({@code /api/v1/customers/{id}/interactions}, {@code /api/v1/invoices/{number}/interactions}), which knows
 * the ledger's invoice numbers.
 */
package io.recouvra.trail;

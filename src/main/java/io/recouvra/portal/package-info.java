/**
 * The debtor portal: the pages a debtor opens from the link in a message, with no password. Each link carries a
 * signed, expiring, revocable token ({@link io.recouvra.portal.PortalTokens}) naming the customer and what the link
 * is for; every page reads only that customer's data, through the ledger's and messaging's read APIs, and every
 * view is written on the customer's trail. It issues the tokens of {@link io.recouvra.messaging.PortalLinks}.
 * Switched on by {@code recouvra.portal.enabled}; see docs/portal.md.
 */
package io.recouvra.portal;

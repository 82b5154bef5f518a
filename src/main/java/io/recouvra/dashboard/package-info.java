/**
 * The credit-management figures a manager reports on: the aged balance, DSO (countback and simple), best possible
 * DSO, ADD and CEI, and the headline figures as Micrometer gauges. Reads the ledger only through the public read
 * models of {@code receivables}. See docs/dashboard.md.
 */
package io.recouvra.dashboard;

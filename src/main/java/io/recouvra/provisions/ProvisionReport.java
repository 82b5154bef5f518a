package io.recouvra.provisions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A month's doubtful-debt provisions, per currency (amounts in different currencies are never added up:
 * the accountant converts at the closing rate). The shape of the JSON answer, as the OpenAPI document shows it: the
 * application writes it as it works it out ({@link ProvisionSheet}), its heading, then its lines, then its totals,
 * never whole in memory.
 *
 * @param status         CLOSED: the figures stored when the month was closed; PREVIEW: computed now
 * @param previousMonth  the closed month the movements are measured against, if any
 * @param lines          one per invoice, by customer name, due date and number
 * @param totals         per currency, situation and age bucket
 * @param currencies     per currency, with the movement since the previous closed month
 */
record ProvisionReport(String month, LocalDate asOf, Status status, Instant closedAt, String closedBy, int ratesVersion,
                       String previousMonth, List<ProvisionLine> lines, List<Total> totals, List<CurrencyTotal> currencies) {

    enum Status { PREVIEW, CLOSED }

    /** What the report says before its lines. */
    record Heading(String month, LocalDate asOf, Status status, Instant closedAt, String closedBy, int ratesVersion,
                   String previousMonth) {
    }

    record Total(String currency, Situation situation, String bucket, int invoices, BigDecimal outstanding,
                 BigDecimal base, BigDecimal provision) {
    }

    /**
     * @param allowance  the increases of provisions since the previous closed month (dotation)
     * @param reversal   the decreases, including the whole provision of an invoice since paid or written off
     *                   (reprise): previousProvision + allowance - reversal = provision
     */
    record CurrencyTotal(String currency, int invoices, BigDecimal outstanding, BigDecimal vat, BigDecimal insured,
                         BigDecimal base, BigDecimal provision, BigDecimal previousProvision, BigDecimal allowance,
                         BigDecimal reversal) {
    }

    /** What an invoice was provisioned for in the previous closed month. */
    record Previous(String currency, BigDecimal provision) {
    }
}

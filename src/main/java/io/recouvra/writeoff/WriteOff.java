package io.recouvra.writeoff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One debt given up, and the note the accountant needs for the VAT inside it.
 *
 * @param vatRate     the invoice's VAT rate (its VAT / its amount excluding VAT); null for a VAT-only invoice
 * @param vatIncluded the invoice's own VAT inside {@code amount}, in proportion to the unpaid part:
 *                    invoice VAT × amount written off / invoice amount including VAT
 * @param vatDerived  the invoice's VAT was not given but derived at the standard rate: to be checked against the invoice
 */
public record WriteOff(UUID id, String invoiceNumber, UUID customerId, String customerName, LocalDate writtenOffOn, BigDecimal amount,
                       String currency, BigDecimal vatRate, BigDecimal vatIncluded, boolean vatDerived, WriteOffReason reason, String note,
                       String approvedBy) {

    /** The same, with its customer's legal name (read from the ledger apart). */
    WriteOff named(String name) {
        return new WriteOff(id, invoiceNumber, customerId, name, writtenOffOn, amount, currency, vatRate, vatIncluded, vatDerived,
                reason, note, approvedBy);
    }

    /**
     * What the accountant may do with the VAT (CGI art. 272-1; BOI-TVA-DED-40-10-10): recover it by a rectifying
     * invoice once the debt is shown to be lost for good; not on a debt given up for commercial reasons.
     */
    public String vatNote() {
        if (vatIncluded.signum() == 0 && !vatDerived) {
            return "No VAT on invoice " + invoiceNumber + " (intra-EU supply, export, reverse charge or outside the scope of VAT):"
                    + " nothing to recover.";
        }
        String vat = vatIncluded.toPlainString() + " " + currency + " of VAT ("
                + (vatRate == null ? "VAT-only invoice" : vatRate.stripTrailingZeros().toPlainString() + " %")
                + ", the unpaid share of the invoice's VAT"
                + (vatDerived ? "; derived at the standard rate, the invoice gave none: check it against the invoice" : "") + ")";
        String onReceipts = " If the VAT on this sale is due on receipt (services without the debits option), none was paid on the unpaid part: nothing to recover.";
        return switch (reason.vatRecovery()) {
            case ONCE_PROVEN -> vat + " recoverable once the debt is definitively irrecoverable (for insolvency: from the judgment"
                    + " that pronounces the liquidation, at the creditor's option, or the judgment closing it for insufficient assets;"
                    + " otherwise evidence such as a bailiff's report of no assets): issue a rectifying invoice to the debtor referring to invoice " + invoiceNumber
                    + " and deduct the VAT on the return of the period it is issued (CGI art. 272-1)." + onReceipts;
            case NOT_ON_ABANDONMENT -> vat + " not recoverable as it stands: a debt given up for commercial reasons is not an"
                    + " irrecoverable debt (CGI art. 272-1); keep it unless irrecoverability can be shown." + onReceipts;
        };
    }
}

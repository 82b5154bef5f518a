package io.recouvra.provisions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One invoice in a month's provisions: what is owed including VAT, the VAT in it, the insurer's part
 * (including VAT, as a claim asks for it), the base, the rate and the provision.
 *
 * @param vat                the invoice's own VAT inside what is owed, in proportion (0 on an intra-EU, export or
 *                           reverse-charge invoice)
 * @param vatDerived         the invoice gave no VAT: it was derived at the standard rate, so the base should be checked
 * @param base               the uninsured part of what is owed, without the invoice's VAT: the VAT of a debt finally
 *                           lost is recovered from the tax office (CGI art. 272-1), and the insurer pays its part, so
 *                           neither is provisioned
 * @param previousProvision  the invoice's provision in the previous closed month (0 if it had none), null when
 *                           no month was closed before
 * @param movement           provision - previous provision: an allowance when positive, a reversal when negative
 */
record ProvisionLine(UUID invoiceId, String invoiceNumber, UUID customerId, String customerName, LocalDate dueDate,
                     int daysOverdue, Situation situation, String bucket, String currency, BigDecimal outstanding,
                     BigDecimal vat, boolean vatDerived, BigDecimal insured, BigDecimal base, BigDecimal rate, BigDecimal provision,
                     BigDecimal previousProvision, BigDecimal movement) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ProvisionLine of(Portfolio.Receivable invoice, int daysOverdue, Rate rate, BigDecimal insuredPart) {
        BigDecimal outstanding = invoice.outstanding();
        // an indemnity or a share never covers more than is owed
        BigDecimal insured = insuredPart.min(outstanding);
        BigDecimal vat = invoice.vatIn(outstanding);
        BigDecimal base = outstanding.subtract(vat).subtract(insured.subtract(invoice.vatIn(insured))).max(BigDecimal.ZERO);
        BigDecimal provision = base.multiply(rate.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new ProvisionLine(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), invoice.customerName(),
                invoice.dueDate(), daysOverdue, invoice.situation(), rate.bucket(), invoice.currency(), outstanding,
                vat, invoice.vatDerived(), insured, base, rate.percent(), provision, null, null);
    }

    ProvisionLine comparedWith(BigDecimal previous) {
        return new ProvisionLine(invoiceId, invoiceNumber, customerId, customerName, dueDate, daysOverdue, situation, bucket,
                currency, outstanding, vat, vatDerived, insured, base, rate, provision, previous, provision.subtract(previous));
    }
}

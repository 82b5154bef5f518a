package io.recouvra.receivables;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A credit note the creditor issued against one invoice: the customer owes that much less. */
@Entity
public class CreditNote extends AssignedIdEntity {

    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    /** The amount including VAT; amountExclVat + vat = amount, in the invoice's own proportion. */
    private BigDecimal amount;
    private BigDecimal amountExclVat;
    private BigDecimal vat;
    /** Booked by the ledger for an early payment, not issued by a person. */
    private boolean earlyPaymentDiscount;
    private LocalDate issueDate;
    private String reason;
    private Instant createdAt;

    protected CreditNote() {
    }

    CreditNote(String number, Invoice invoice, BigDecimal amount, LocalDate issueDate, String reason, Instant createdAt) {
        this.number = number;
        this.invoice = invoice;
        this.amount = amount;
        // a credit note takes price and VAT off the invoice in its own proportion (docs/accounting.md)
        this.vat = invoice.vatIn(amount);
        this.amountExclVat = amount.subtract(vat);
        this.issueDate = issueDate;
        this.reason = reason;
        this.createdAt = createdAt;
        invoice.applyCredit(amount);
    }

    /**
     * The early-payment discount of a payment with value date {@code paidOn}, booked as a credit note for
     * the accountant (the VAT base is reduced by the discount, CGI art. 267, II-1°). Its number is the
     * invoice's, after {@code ESC-}: one per invoice.
     */
    static CreditNote earlyPaymentDiscount(Invoice invoice, BigDecimal discount, LocalDate paidOn, LocalDate issueDate,
                                           Instant createdAt) {
        EarlyPaymentDiscount terms = invoice.earlyPaymentDiscount().orElseThrow();
        CreditNote note = new CreditNote(discountNumber(invoice), invoice, discount, issueDate,
                "Early-payment discount of " + terms.rate().toPlainString() + " % for a payment on " + paidOn
                        + " (on or before " + terms.until() + ")", createdAt);
        note.earlyPaymentDiscount = true;
        return note;
    }

    /** Before the invoice's number, the number of its early-payment discount; a person may not use it. */
    static final String DISCOUNT_PREFIX = "ESC-";

    static String discountNumber(Invoice invoice) {
        return DISCOUNT_PREFIX + invoice.getNumber();
    }

    public BigDecimal getAmountExclVat() {
        return amountExclVat;
    }

    public BigDecimal getVat() {
        return vat;
    }

    public boolean isEarlyPaymentDiscount() {
        return earlyPaymentDiscount;
    }

    public String getNumber() {
        return number;
    }

    public Invoice getInvoice() {
        return invoice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public String getReason() {
        return reason;
    }
}

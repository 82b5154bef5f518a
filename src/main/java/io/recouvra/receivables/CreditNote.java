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
    private BigDecimal amount;
    private LocalDate issueDate;
    private String reason;
    private Instant createdAt;

    protected CreditNote() {
    }

    CreditNote(String number, Invoice invoice, BigDecimal amount, LocalDate issueDate, String reason, Instant createdAt) {
        this.number = number;
        this.invoice = invoice;
        this.amount = amount;
        this.issueDate = issueDate;
        this.reason = reason;
        this.createdAt = createdAt;
        invoice.applyCredit(amount);
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

package io.recouvra.receivables;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice the creditor issued and the customer owes, and how much of it is still owed. */
@Entity
public class Invoice {

    @Id
    private UUID id;
    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private BigDecimal amount;
    private String currency;
    private BigDecimal outstanding;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private LocalDate overdueSince;
    private Instant createdAt;
    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(String number, Customer customer, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            String currency, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.customer = customer;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.amount = amount;
        this.currency = currency;
        this.outstanding = amount;
        this.status = InvoiceStatus.OPEN;
        this.createdAt = createdAt;
    }

    /** Reduces what is owed by a payment; the caller has checked the amount fits. */
    void applyPayment(BigDecimal paid) {
        outstanding = outstanding.subtract(paid);
        if (isSettled()) {
            status = InvoiceStatus.PAID;
        } else if (status == InvoiceStatus.OPEN) {
            status = InvoiceStatus.PARTIALLY_PAID;
        }
    }

    /** Reduces what is owed by a credit note. Settled without any payment: the invoice is cancelled. */
    void applyCredit(BigDecimal credited) {
        outstanding = outstanding.subtract(credited);
        if (isSettled()) {
            status = status == InvoiceStatus.PARTIALLY_PAID ? InvoiceStatus.PAID : InvoiceStatus.CANCELLED;
        }
    }

    void markOverdue(LocalDate since) {
        if (overdueSince == null) {
            overdueSince = since;
        }
    }

    public boolean isSettled() {
        return outstanding.signum() == 0;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Customer getCustomer() {
        return customer;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getOutstanding() {
        return outstanding;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public LocalDate getOverdueSince() {
        return overdueSince;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

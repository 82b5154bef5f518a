package io.recouvra.receivables;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Money received from a customer, as the bank reported it, and the invoices it settles. What no
 * invoice took stays on the payment as unallocated: the customer's credit.
 */
@Entity
public class Payment extends AssignedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private BigDecimal amount;
    private String currency;
    private LocalDate valueDate;
    private String bankReference;
    private BigDecimal unallocatedAmount;
    private Instant receivedAt;

    @OneToMany(mappedBy = "payment", cascade = CascadeType.ALL)
    private List<PaymentAllocation> allocations = new ArrayList<>();

    protected Payment() {
    }

    Payment(Customer customer, BigDecimal amount, String currency, LocalDate valueDate, String bankReference,
            Instant receivedAt) {
        this.customer = customer;
        this.amount = amount;
        this.currency = currency;
        this.valueDate = valueDate;
        this.bankReference = bankReference;
        this.unallocatedAmount = amount;
        this.receivedAt = receivedAt;
    }

    void allocate(Invoice invoice, BigDecimal share) {
        if (share.compareTo(unallocatedAmount) > 0) {
            throw new IllegalStateException("allocating more than the payment holds");
        }
        invoice.applyPayment(share);
        allocations.add(new PaymentAllocation(this, invoice, share));
        unallocatedAmount = unallocatedAmount.subtract(share);
    }

    public Customer getCustomer() {
        return customer;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getValueDate() {
        return valueDate;
    }

    public String getBankReference() {
        return bankReference;
    }

    public BigDecimal getUnallocatedAmount() {
        return unallocatedAmount;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public List<PaymentAllocation> getAllocations() {
        return List.copyOf(allocations);
    }
}

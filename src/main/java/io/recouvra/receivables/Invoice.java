package io.recouvra.receivables;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An invoice the creditor issued and the customer owes, and how much of it is still owed. */
@Entity
public class Invoice extends AssignedIdEntity {

    private String number;
    @Enumerated(EnumType.STRING)
    private InvoiceKind kind = InvoiceKind.INVOICE;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private LocalDate issueDate;
    /** The day the goods were delivered or the service rendered, when the invoice says it (null: the issue date). */
    private LocalDate deliveredOn;
    private LocalDate dueDate;
    /** The amount due, including VAT: what the debtor owes and what late-payment interest runs on. */
    private BigDecimal amount;
    /** amountExclVat + vat = amount, in the currency's decimals. */
    private BigDecimal amountExclVat;
    private BigDecimal vat;
    /** The breakdown was not given but worked out at the standard rate: the accountant should check it. */
    private boolean vatDerived;
    private String currency;
    private BigDecimal outstanding;
    /** Total of the credit notes: what was paid is amount - credited - outstanding. */
    private BigDecimal credited;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private LocalDate overdueSince;
    /** With this invoice the customer owes more than its credit limit. */
    private boolean overCreditLimit;
    /** Its due date is later than the customer's payment terms allow. */
    private boolean termsBeyondPolicy;
    /** Annual percentage agreed in the contract for late payment; null: the statutory rate. */
    private BigDecimal contractualInterestRate;
    /** The early-payment discount, both or neither ({@link EarlyPaymentDiscount}). */
    private BigDecimal discountRate;
    private LocalDate discountUntil;
    private Instant createdAt;
    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(String number, Customer customer, LocalDate issueDate, LocalDate dueDate, VatBreakdown amounts,
            String currency, Instant createdAt) {
        this.number = number;
        this.customer = customer;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.amount = amounts.amount();
        this.amountExclVat = amounts.amountExclVat();
        this.vat = amounts.vat();
        this.vatDerived = amounts.derived();
        this.currency = currency;
        this.outstanding = amount;
        this.credited = BigDecimal.ZERO.setScale(amount.scale());
        this.status = InvoiceStatus.OPEN;
        this.createdAt = createdAt;
    }

    static Invoice lateCharges(String number, Customer customer, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                               String currency, Instant createdAt) {
        // interest and the recovery indemnity are compensation, outside the scope of VAT: none on the debit note
        Invoice debitNote = new Invoice(number, customer, issueDate, dueDate, VatBreakdown.noVat(amount), currency, createdAt);
        debitNote.kind = InvoiceKind.LATE_CHARGES;
        return debitNote;
    }

    /** Reduces what is owed by a payment. */
    void applyPayment(BigDecimal paid) {
        reduceOutstanding(paid);
        if (isSettled()) {
            status = InvoiceStatus.PAID;
        } else if (status == InvoiceStatus.OPEN) {
            status = InvoiceStatus.PARTIALLY_PAID;
        }
    }

    /** Reduces what is owed by a credit note. Settled without any payment, the invoice is cancelled. */
    void applyCredit(BigDecimal credit) {
        reduceOutstanding(credit);
        credited = credited.add(credit);
        if (isSettled()) {
            status = paid().signum() > 0 ? InvoiceStatus.PAID : InvoiceStatus.CANCELLED;
        }
    }

    private void reduceOutstanding(BigDecimal reduction) {
        if (status.isClosed() || reduction.signum() <= 0 || reduction.compareTo(outstanding) > 0) {
            // the services check this first and answer the client; reaching here is a bug
            throw new IllegalStateException("cannot take " + reduction + " off invoice " + number
                    + " (" + status + ", outstanding " + outstanding + ")");
        }
        outstanding = outstanding.subtract(reduction);
    }

    void agreeInterestRate(BigDecimal annualPercentage) {
        this.contractualInterestRate = annualPercentage;
    }

    void offerEarlyPaymentDiscount(EarlyPaymentDiscount discount) {
        this.discountRate = discount.rate();
        this.discountUntil = discount.until();
    }

    void flag(boolean overCreditLimit, boolean termsBeyondPolicy) {
        this.overCreditLimit = overCreditLimit;
        this.termsBeyondPolicy = termsBeyondPolicy;
    }

    /** Dunning stops while the invoice is disputed or on hold; what is owed does not change. */
    void pause(InvoiceStatus reason) {
        if (reason != InvoiceStatus.DISPUTED && reason != InvoiceStatus.ON_HOLD) {
            throw new IllegalArgumentException("dunning pauses for a dispute or a hold, not " + reason);
        }
        requireOpen("pause");
        status = reason;
    }

    /** Back to being chased after a dispute or a hold: open, or partly paid if something was paid. */
    void resume() {
        if (status.isClosed()) {
            return;
        }
        status = paid().signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }

    /** Dunning stops because the insurer, an agency or a court now has the case. */
    void escalate(InvoiceStatus to) {
        if (to != InvoiceStatus.WITH_INSURER && to != InvoiceStatus.WITH_AGENCY && to != InvoiceStatus.IN_COURT) {
            throw new IllegalArgumentException("a case is escalated to the insurer, an agency or a court, not " + to);
        }
        requireOpen("escalate");
        status = to;
    }

    /** The creditor gives up what is still owed; the invoice leaves the receivables. */
    void writeOff() {
        requireOpen("write off");
        status = InvoiceStatus.WRITTEN_OFF;
    }

    private void requireOpen(String action) {
        if (status.isClosed()) {
            throw new IllegalStateException("cannot " + action + " invoice " + number + ": it is " + status);
        }
    }

    /** Marks the invoice overdue once; a settled invoice is no longer overdue. */
    void markOverdue(LocalDate since) {
        if (overdueSince == null && !status.isClosed()) {
            overdueSince = since;
        }
    }

    /** What the customer owes once credit notes are taken off: the amount late interest can run on. */
    public InvoiceKind getKind() {
        return kind;
    }

    public boolean isLateCharges() {
        return kind == InvoiceKind.LATE_CHARGES;
    }

    public BigDecimal owed() {
        return amount.subtract(credited);
    }

    /**
     * The VAT inside a part of this invoice's amount (what is still owed, an insured part): the invoice's own
     * VAT in proportion, vat × part / amount, rounded half up to the part's decimals. A payment or a credit
     * note settles VAT and price alike, so the unpaid part carries its share of each.
     */
    public BigDecimal vatIn(BigDecimal partInclVat) {
        return partInclVat.multiply(vat).divide(amount, partInclVat.scale(), RoundingMode.HALF_UP);
    }

    /** The invoice's early-payment discount terms, whether or not their date is past. */
    public Optional<EarlyPaymentDiscount> earlyPaymentDiscount() {
        return discountRate == null ? Optional.empty() : Optional.of(new EarlyPaymentDiscount(discountRate, discountUntil));
    }

    /**
     * The discount a payment with this value date earns: the rate on what the customer owes once credit
     * notes are taken off ({@link #owed()}). Empty when the invoice has none, its date is past, or nothing is
     * owed any more.
     */
    public Optional<BigDecimal> discountOn(LocalDate valueDate) {
        if (status.isClosed() || isSettled()) {
            return Optional.empty();
        }
        return earlyPaymentDiscount().filter(discount -> discount.appliesOn(valueDate)).map(discount -> discount.on(owed()));
    }

    /**
     * What settles the invoice when paid with this value date, the discount taken off: outstanding − discount
     * (1,200.00 at 2 %, nothing paid yet: 1,176.00). Empty when no discount applies that day, or when what is
     * still owed is no more than the discount.
     */
    public Optional<BigDecimal> discountedAmountOn(LocalDate valueDate) {
        return discountOn(valueDate).map(outstanding::subtract).filter(toPay -> toPay.signum() > 0);
    }

    public BigDecimal paid() {
        return amount.subtract(credited).subtract(outstanding);
    }

    /**
     * Born before its customer's insolvency proceedings opened: the opening judgment forbids the debtor to pay it
     * (C. com. art. L622-7 I); it is declared to the court-appointed representative instead. The customer's insolvency
     * day is the opening judgment's when the proceedings are recorded ({@code insolvency}), else the day they were
     * first reported. For ever: closing the proceedings, even back in bonis, does not thaw it, for the proceedings
     * dealt with it (docs/insolvency.md, "After the closing"); only new proceedings move the day.
     */
    public boolean isFrozenByInsolvency() {
        LocalDate insolvent = customer.getInsolvencyReportedOn();
        return insolvent != null && bornOn().isBefore(insolvent);
    }

    /**
     * The day the claim was born: a claim is born when the goods are delivered or the service rendered, which the
     * invoice usually follows; its issue date stands for it when the delivery date was not given.
     */
    public LocalDate bornOn() {
        return deliveredOn != null ? deliveredOn : issueDate;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    void deliveredOn(LocalDate day) {
        this.deliveredOn = day;
    }

    public boolean isSettled() {
        return outstanding.signum() == 0;
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

    public BigDecimal getAmountExclVat() {
        return amountExclVat;
    }

    public BigDecimal getVat() {
        return vat;
    }

    public boolean isVatDerived() {
        return vatDerived;
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

    public boolean isOverCreditLimit() {
        return overCreditLimit;
    }

    public boolean isTermsBeyondPolicy() {
        return termsBeyondPolicy;
    }

    public BigDecimal getContractualInterestRate() {
        return contractualInterestRate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

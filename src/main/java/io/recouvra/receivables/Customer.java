package io.recouvra.receivables;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The debtor company: who owes, where it sits, how to reach it. */
@Entity
public class Customer extends AssignedIdEntity {

    private String legalName;
    private String registrationNumber;
    private String country;
    private String language;
    private String timeZone;
    @Column(name = "address_line")
    private String addressLine;
    private String postalCode;
    private String city;
    private Instant createdAt;
    private String sector;
    private String customerType = "STANDARD";
    private BigDecimal creditLimit;
    private Integer maxPaymentDays;
    private String paymentTermsBasis;
    private String guarantee;
    private Instant creditTermsSetAt;
    private LocalDate insolvencyReportedOn;
    private LocalDate insolvencyEndedOn;
    @Version
    private long version;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Contact> contacts = new ArrayList<>();

    protected Customer() {
    }

    Customer(String legalName, String registrationNumber, String country, String language, ZoneId timeZone,
             String addressLine, String postalCode, String city, Instant createdAt) {
        this.legalName = legalName;
        this.registrationNumber = registrationNumber;
        this.country = country;
        this.language = language;
        this.timeZone = timeZone.getId();
        this.addressLine = addressLine;
        this.postalCode = postalCode;
        this.city = city;
        this.createdAt = createdAt;
    }

    void moveTo(String addressLine, String postalCode, String city) {
        this.addressLine = addressLine;
        this.postalCode = postalCode;
        this.city = city;
    }

    void addContact(Contact contact) {
        contacts.add(contact);
    }

    /** What a credit review decided (CreditReview process). */
    public void setCreditTerms(BigDecimal limit, int paymentDays, String basis, String requiredGuarantee, Instant at) {
        this.creditLimit = limit;
        this.maxPaymentDays = paymentDays;
        this.paymentTermsBasis = basis;
        this.guarantee = requiredGuarantee;
        this.creditTermsSetAt = at;
    }

    public String getCustomerType() {
        return customerType;
    }

    void classify(String customerType) {
        if (customerType != null) {
            this.customerType = customerType;
        }
    }

    public String getSector() {
        return sector;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public Integer getMaxPaymentDays() {
        return maxPaymentDays;
    }

    public String getPaymentTermsBasis() {
        return paymentTermsBasis;
    }

    public String getGuarantee() {
        return guarantee;
    }

    public Instant getCreditTermsSetAt() {
        return creditTermsSetAt;
    }

    /**
     * Insolvency proceedings were opened by a judgment of that day. While they run, the earliest report stands (a
     * conversion or a second report of the same proceedings does not move the day that splits the claims). Once the
     * customer came out of them back in bonis, a later judgment opens new proceedings: the day moves to it, so every
     * claim born before it (the old frozen ones included) is frozen by the new proceedings.
     */
    public void reportInsolvency(LocalDate on) {
        if (insolvencyEndedOn != null && !on.isBefore(insolvencyEndedOn)) {
            insolvencyReportedOn = on;
            insolvencyEndedOn = null;
        } else if (insolvencyReportedOn == null || on.isBefore(insolvencyReportedOn)) {
            insolvencyReportedOn = on;
        }
    }

    /**
     * The proceedings were closed on that day leaving the customer back in bonis (a plan carried out, a liquidation
     * whose debts were all paid): from then on it is no longer in proceedings, though the claims born before the
     * opening judgment stay frozen ({@link Invoice#isFrozenByInsolvency()}). Nothing when no proceedings were opened.
     */
    public void insolvencyEnded(LocalDate on) {
        if (insolvencyReportedOn != null && !on.isBefore(insolvencyReportedOn)) {
            insolvencyEndedOn = on;
        }
    }

    /**
     * The day that splits the claims: those born before it are frozen by the proceedings, for ever (declared, paid
     * only through them or written off). Null when no proceedings were ever reported.
     */
    public LocalDate getInsolvencyReportedOn() {
        return insolvencyReportedOn;
    }

    /** The day the customer came out of proceedings back in bonis; null while they run or when it never did. */
    public LocalDate getInsolvencyEndedOn() {
        return insolvencyEndedOn;
    }

    /**
     * In insolvency proceedings now: opened and not closed back in bonis. A liquidation closed for insufficient assets
     * leaves the customer in for good: the company is dissolved and its creditors do not recover their right to sue.
     */
    public boolean isInInsolvencyProceedings() {
        return insolvencyReportedOn != null && insolvencyEndedOn == null;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public String getCountry() {
        return country;
    }

    public String getLanguage() {
        return language;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Contact> getContacts() {
        return List.copyOf(contacts);
    }
}

package io.recouvra.receivables;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A person at the customer, and the channels on which they agreed to be contacted. */
@Entity
public class Contact extends AssignedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private String name;
    private String role;
    private String email;
    /** E.164, e.g. +33612345678. */
    private String phone;
    private boolean emailConsent;
    private boolean smsConsent;
    private boolean callConsent;

    protected Contact() {
    }

    Contact(Customer customer, String name, String role, String email, String phone,
            boolean emailConsent, boolean smsConsent, boolean callConsent) {
        this.customer = customer;
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
        this.emailConsent = emailConsent;
        this.smsConsent = smsConsent;
        this.callConsent = callConsent;
    }

    /** The debtor restated who to write to and how; a call's consent is not the debtor's to change here. */
    void restate(String name, String email, String phone, boolean emailConsent, boolean smsConsent) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.emailConsent = emailConsent;
        this.smsConsent = smsConsent;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isEmailConsent() {
        return emailConsent;
    }

    public boolean isSmsConsent() {
        return smsConsent;
    }

    public boolean isCallConsent() {
        return callConsent;
    }
}

package io.recouvra.receivables;

/**
 * How the customer wants to be reached, as the debtor states it on the portal: the billing contact (the person
 * reminders are written to), its email and phone and the channels it agrees to, and the postal address letters go to.
 * Blank values are "none".
 */
public record ContactDetails(String contactName, String email, String phone, boolean emailConsent, boolean smsConsent,
                             String addressLine, String postalCode, String city) {
}

package io.recouvra.onlinepayment;

/** How the debtor pays at the provider's page. A SEPA debit is confirmed days later, a card at once. */
public enum PaymentMethod {
    CARD,
    SEPA_DEBIT
}

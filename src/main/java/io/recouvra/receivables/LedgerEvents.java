package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What the ledger tells the rest of Recouvra. Published inside the ledger's transaction: a listener
 * that fails rolls the ledger change back, so the ledger and the processes never disagree.
 */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    public record CustomerRegistered(UUID customerId) {
    }

    /**
     * @param exposure the customer's open outstanding with this invoice
     * @param creditLimit the customer's limit, or null when no credit review set one
     */
    public record InvoiceRegistered(UUID invoiceId, String number, UUID customerId, String customerName,
                                    BigDecimal amount, String currency, LocalDate dueDate, boolean overCreditLimit,
                                    boolean termsBeyondPolicy, BigDecimal exposure, BigDecimal creditLimit) {
    }

    /** Part of the invoice was paid or credited; some of it is still owed. */
    public record InvoiceReduced(String number, BigDecimal outstanding) {
    }

    /**
     * Nothing is owed any more: paid (by payments, perhaps with credit notes) or cancelled by credit notes.
     *
     * @param paidOn the value date of the payment that settled it, null when a credit note did
     */
    public record InvoiceSettled(String number, InvoiceStatus status, UUID customerId, LocalDate dueDate,
                                 LocalDate paidOn) {

        public boolean paidLate() {
            return paidOn != null && paidOn.isAfter(dueDate);
        }
    }

    /** What a credit note did to the invoice. */
    static void announce(Invoice invoice, ApplicationEventPublisher events) {
        announce(invoice, null, events);
    }

    /** What a payment with this value date did to the invoice. */
    static void announce(Invoice invoice, LocalDate paidOn, ApplicationEventPublisher events) {
        events.publishEvent(invoice.isSettled()
                ? new InvoiceSettled(invoice.getNumber(), invoice.getStatus(), invoice.getCustomer().getId(),
                        invoice.getDueDate(), paidOn)
                : new InvoiceReduced(invoice.getNumber(), invoice.getOutstanding()));
    }
}

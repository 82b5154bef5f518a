package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
     * @param exposure the customer's open outstanding in euros with this euro invoice, or null when it has no credit
     *                 limit or the invoice is in another currency
     * @param creditLimit the customer's limit, or null when no credit review set one
     */
    public record InvoiceRegistered(UUID invoiceId, String number, UUID customerId, String customerName,
                                    BigDecimal amount, String currency, LocalDate dueDate, boolean overCreditLimit,
                                    boolean termsBeyondPolicy, BigDecimal exposure, BigDecimal creditLimit) {
    }

    /** Part of the invoice was paid or credited; some of it is still owed. */
    public record InvoiceReduced(String number, BigDecimal outstanding) {
    }

    /** Nothing is owed any more: paid (by payments, perhaps with credit notes) or cancelled by credit notes. */
    public record InvoiceSettled(String number, InvoiceStatus status) {
    }

    /**
     * The creditor gave up what was still owed ({@code amount}): whoever still works the case (an agency,
     * a court case, the insurer) is told, and nothing more goes out about it.
     */
    public record InvoiceWrittenOff(String number, UUID customerId, BigDecimal amount, String currency, String reason) {
    }

    /** The insurer, an agency or a court took the case ({@code to}: WITH_INSURER, WITH_AGENCY, IN_COURT). */
    public record InvoiceEscalated(UUID invoiceId, String number, InvoiceStatus to) {
    }

    /** A payment was booked; {@code settledLate}: the invoices it settled after their due date. */
    public record PaymentBooked(UUID customerId, List<LateSettlement> settledLate) {
    }

    public record LateSettlement(String invoiceNumber, long daysLate) {
    }

    /** What a payment or a credit note did to the invoice. */
    static void announce(Invoice invoice, ApplicationEventPublisher events) {
        events.publishEvent(invoice.isSettled()
                ? new InvoiceSettled(invoice.getNumber(), invoice.getStatus())
                : new InvoiceReduced(invoice.getNumber(), invoice.getOutstanding()));
    }
}

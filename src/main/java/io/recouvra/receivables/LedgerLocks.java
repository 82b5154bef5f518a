package io.recouvra.receivables;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one order in which the ledger's rows are locked: the customer first, then its invoices. Every
 * change to an invoice (payment, credit note, hold, dispute, escalation, write-off, overdue mark) and
 * every invoice registration takes its customer's lock before any invoice's, so two of them never wait
 * on each other's invoice locks in opposite orders, and a registration counts in the customer's
 * exposure the invoices registered at the same moment.
 *
 * <p>The customer lock is PostgreSQL's {@code FOR NO KEY UPDATE}: it queues the customer's ledger
 * changes behind each other, but does not block the inserts of rows that merely refer to the customer
 * (an interaction, an outbox message, a score), which take {@code FOR KEY SHARE} on it.
 */
@Component
class LedgerLocks {

    private final CustomerRepository customers;
    private final InvoiceRepository invoices;

    LedgerLocks(CustomerRepository customers, InvoiceRepository invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    Optional<Customer> customer(UUID id) {
        return id == null ? Optional.empty() : customers.lockById(id);
    }

    /** The invoice, locked after its customer; an invoice never changes customer, so reading it first is safe. */
    Optional<Invoice> invoice(String number) {
        return invoices.customerIdOf(number).flatMap(customerId -> {
            customers.lockById(customerId);
            return invoices.lockByNumber(number);
        });
    }
}

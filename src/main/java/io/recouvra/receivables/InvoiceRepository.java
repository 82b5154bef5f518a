package io.recouvra.receivables;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<Invoice, UUID>, JpaSpecificationExecutor<Invoice> {

    @EntityGraph(attributePaths = "customer")
    Optional<Invoice> findByNumber(String number);

    /** The invoice's customer, read without a lock: the customer is locked first ({@link LedgerLocks}). */
    @Query("select i.customer.id from Invoice i where i.number = :number")
    Optional<UUID> customerIdOf(String number);

    @Query("select i.id from Invoice i where i.number = :number")
    Optional<UUID> idOf(String number);

    @Query("select i.id, i.number from Invoice i where i.id in :ids")
    List<Object[]> numbersOf(Collection<UUID> ids);

    /**
     * Locks the invoice for the rest of the transaction: two payments must not both take its last euro.
     * Through {@link LedgerLocks}, which locks its customer first.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.number = :number")
    Optional<Invoice> lockByNumber(String number);

    /** The customer's invoices in one currency that are not closed, oldest due first, locked for allocation. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select i from Invoice i
            where i.customer = :customer and i.currency = :currency and i.status not in :closed
            order by i.dueDate, i.issueDate, i.number""")
    List<Invoice> lockOpenInvoices(Customer customer, String currency, Collection<InvoiceStatus> closed);

    List<Invoice> findByNumberIn(Collection<String> numbers);

    // with the customer, whose insolvency day tells whether an invoice is frozen (Invoice.isFrozenByInsolvency)
    @EntityGraph(attributePaths = "customer")
    @Query("""
            select i from Invoice i
            where i.customer.id = :customerId and i.status not in :closed
            order by i.dueDate, i.number""")
    List<Invoice> findOpen(UUID customerId, Collection<InvoiceStatus> closed);

    @EntityGraph(attributePaths = "customer")
    @Query("select i from Invoice i where i.status not in :closed and i.dueDate <= :day order by i.dueDate, i.number")
    List<Invoice> findOpenDueBy(LocalDate day, Collection<InvoiceStatus> closed);

    /** What the customer owes now on invoices that are not closed. */
    /** What the customer still owes in one currency: amounts in different currencies are never added up. */
    @Query("""
            select coalesce(sum(i.outstanding), 0) from Invoice i
            where i.customer = :customer and i.currency = :currency and i.status not in :closed""")
    BigDecimal exposureOf(Customer customer, String currency, Collection<InvoiceStatus> closed);

    /** The customer's invoices settled by a payment after their due date, the last payment on or after {@code since}. */
    @Query("""
            select i.id from PaymentAllocation a join a.invoice i join a.payment p
            where i.customer.id = :customerId and i.status = io.recouvra.receivables.InvoiceStatus.PAID
              and p.valueDate >= :since
            group by i.id, i.dueDate
            having max(p.valueDate) > i.dueDate""")
    List<UUID> paidLateSince(UUID customerId, LocalDate since);

    /** A page's invoices with their customers, in one statement (InvoiceList found their ids). */
    @Query("select i from Invoice i join fetch i.customer where i.id in :ids")
    List<Invoice> findWithCustomerByIdIn(Collection<UUID> ids);

    @Override
    @EntityGraph(attributePaths = "customer")
    Page<Invoice> findAll(Specification<Invoice> specification, Pageable pageable);
}

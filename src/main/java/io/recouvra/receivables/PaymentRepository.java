package io.recouvra.receivables;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    boolean existsByCustomerAndBankReference(Customer customer, String bankReference);

    @EntityGraph(attributePaths = {"customer", "allocations", "allocations.invoice"})
    Optional<Payment> findWithAllocationsById(UUID id);

    @Query("""
            select new io.recouvra.receivables.InvoicePayment(a.invoice.id, a.payment.valueDate, a.amount)
            from PaymentAllocation a where a.invoice.id in :invoiceIds order by a.payment.valueDate""")
    List<InvoicePayment> paymentsOf(Collection<UUID> invoiceIds);

    /** The customer's credit per currency: what its payments brought beyond what its invoices took. */
    @Query("""
            select new io.recouvra.receivables.CustomerCredit(p.currency, sum(p.unallocatedAmount))
            from Payment p where p.customer.id = :customerId and p.unallocatedAmount > 0
            group by p.currency order by p.currency""")
    List<CustomerCredit> creditOf(UUID customerId);
}

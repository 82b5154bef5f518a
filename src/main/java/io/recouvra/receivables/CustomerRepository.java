package io.recouvra.receivables;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @EntityGraph(attributePaths = "contacts")
    Optional<Customer> findWithContactsById(UUID id);

    /**
     * Locks the customer for the rest of the transaction ({@link LedgerLocks}): its ledger changes are made
     * one after another. {@code FOR NO KEY UPDATE} (as Hibernate locks for PESSIMISTIC_WRITE on PostgreSQL,
     * written out here), so that rows referring to the customer can still be inserted meanwhile.
     */
    @Query(value = "select * from recouvra.customer where id = :id for no key update", nativeQuery = true)
    Optional<Customer> lockById(UUID id);

    Optional<Customer> findByRegistrationNumber(String registrationNumber);

    Page<Customer> findByLegalNameContainingIgnoreCase(String name, Pageable pageable);

    @Query("select distinct c from Customer c join c.contacts k where k.phone = :phone")
    List<Customer> findByContactPhone(String phone);
}

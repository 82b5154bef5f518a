package io.recouvra.receivables;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @EntityGraph(attributePaths = "contacts")
    Optional<Customer> findWithContactsById(UUID id);

    /**
     * Locks the customer for the rest of the transaction ({@link LedgerLocks}): its ledger changes are made one
     * after another. On PostgreSQL, Hibernate locks with {@code FOR NO KEY UPDATE}, so rows that refer to the
     * customer can still be inserted meanwhile.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(UUID id);

    Optional<Customer> findByRegistrationNumber(String registrationNumber);

    @Query("select c.registrationNumber from Customer c where c.registrationNumber in :numbers")
    List<String> registeredAmong(Collection<String> numbers);

    Page<Customer> findByLegalNameContainingIgnoreCase(String name, Pageable pageable);

    @Query("select distinct c from Customer c join c.contacts k where k.phone = :phone")
    List<Customer> findByContactPhone(String phone);

    @Query("select c.id, c.legalName from Customer c where c.id in :ids")
    List<Object[]> legalNamesOf(Collection<UUID> ids);
}

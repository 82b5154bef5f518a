package io.recouvra.receivables;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByRegistrationNumber(String registrationNumber);

    Page<Customer> findByLegalNameContainingIgnoreCase(String name, Pageable pageable);
}

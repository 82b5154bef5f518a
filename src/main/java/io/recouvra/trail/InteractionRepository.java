package io.recouvra.trail;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InteractionRepository extends JpaRepository<Interaction, UUID> {

    Page<Interaction> findByCustomerId(UUID customerId, Pageable page);

    Page<Interaction> findByCustomerIdAndTypeIn(UUID customerId, java.util.Collection<Interaction.Type> types, Pageable page);

    Page<Interaction> findByInvoiceId(UUID invoiceId, Pageable page);

    Page<Interaction> findByTypeAndSummaryStartingWithAndOccurredAtGreaterThanEqual(Interaction.Type type, String prefix,
            java.time.Instant since, Pageable page);

    Page<Interaction> findByTypeAndSummaryStartingWithAndOccurredAtGreaterThanEqualAndCustomerIdIn(Interaction.Type type,
            String prefix, java.time.Instant since, java.util.Collection<UUID> customers, Pageable page);

    boolean existsByExternalRefAndCustomerId(String externalRef, UUID customerId);
}

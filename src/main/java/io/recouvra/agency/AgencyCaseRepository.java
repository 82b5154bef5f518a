package io.recouvra.agency;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AgencyCaseRepository extends JpaRepository<AgencyCase, UUID> {

    /** Updates of one case are applied one at a time: two webhooks must not book or close it together. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AgencyCase c where c.id = :id")
    Optional<AgencyCase> lockById(UUID id);

    List<AgencyCase> findByCustomerIdOrderByOpenedAtDesc(UUID customerId);

    List<AgencyCase> findByInvoiceNumberOrderByOpenedAtDesc(String invoiceNumber);

    List<AgencyCase> findByAgencyIdInAndClosedAtIsNullAndTransferredAtIsNotNull(List<String> agencyIds);
}

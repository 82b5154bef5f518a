package io.recouvra.insolvency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InsolvencyProceedingsRepository extends JpaRepository<InsolvencyProceedings, UUID> {

    Optional<InsolvencyProceedings> findByCustomerIdAndStatus(UUID customerId, ProceedingsStatus status);

    List<InsolvencyProceedings> findByCustomerIdOrderByJudgmentDateDesc(UUID customerId);

    List<InsolvencyProceedings> findByStatus(ProceedingsStatus status);
}

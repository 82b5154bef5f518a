package io.recouvra.scoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditScoreRepository extends JpaRepository<CreditScore, UUID> {

    List<CreditScore> findByCustomerIdOrderByScoredAtDesc(UUID customerId, Pageable page);

    Optional<CreditScore> findFirstByCustomerIdOrderByScoredAtDesc(UUID customerId);
}

package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, UUID> {

    List<OutboxMessage> findByCustomerIdOrderByCreatedAtDesc(UUID customerId, Pageable page);

    /** Several rows when one grouped message covered several invoices. */
    List<OutboxMessage> findByChannelAndProviderId(Channel channel, String providerId);

    /** Every channel a step of a case was asked for on. */
    List<OutboxMessage> findByCaseRefAndStepOrderByCreatedAt(String caseRef, String step);

    List<OutboxMessage> findByStatusOrderByCreatedAt(OutboxStatus status, Pageable page);
}

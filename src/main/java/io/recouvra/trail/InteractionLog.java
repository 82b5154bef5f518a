package io.recouvra.trail;

import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every feature records its contacts with debtors here. Each entry names who acted
 * ({@link Actors#current()}), so no caller has to pass it.
 */
@Service
public class InteractionLog {

    private static final Sort OLDEST_FIRST = Sort.by("occurredAt", "seq");

    private final InteractionRepository interactions;
    private final Clock clock;

    InteractionLog(InteractionRepository interactions, Clock clock) {
        this.interactions = interactions;
        this.clock = clock;
    }

    private Interaction save(Interaction interaction) {
        return interactions.save(interaction.by(Actors.current()));
    }

    @Transactional
    public Interaction record(UUID customerId, UUID invoiceId, Medium channel, Direction direction, Type type,
                              String summary, String content) {
        return save(new Interaction(customerId, invoiceId, clock.instant(), channel, direction, type,
                summary, content, null));
    }

    /** About a message Recouvra sends: the entry keeps the message's id, to find all that happened to it. */
    @Transactional
    public Interaction recordMessage(UUID messageId, UUID customerId, UUID invoiceId, Medium channel, Type type,
                                     String summary, String content) {
        return save(new Interaction(customerId, invoiceId, clock.instant(), channel, Direction.OUTBOUND, type, summary,
                content, messageId));
    }

    /** An inbound contact with the provider's id: stored once, however often the provider delivers it. */
    @Transactional
    public boolean recordInbound(UUID customerId, Medium channel, Type type, String summary, String content, String externalRef) {
        if (interactions.existsByExternalRefAndCustomerId(externalRef, customerId)) {
            return false;
        }
        save(new Interaction(customerId, null, clock.instant(), channel, Direction.INBOUND, type, summary,
                content, null).withExternalRef(externalRef));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean hasInbound(String externalRef, UUID customerId) {
        return interactions.existsByExternalRefAndCustomerId(externalRef, customerId);
    }

    @Transactional(readOnly = true)
    public Page<Interaction> ofCustomer(UUID customerId, int page, int size) {
        return interactions.findByCustomerId(customerId, PageRequest.of(page, size, OLDEST_FIRST));
    }

    /** The customer's last contacts, newest first. */
    @Transactional(readOnly = true)
    public List<Interaction> latestOfCustomer(UUID customerId, int count) {
        return interactions.findByCustomerId(customerId,
                PageRequest.of(0, count, Sort.by(Sort.Direction.DESC, "occurredAt", "seq"))).getContent();
    }

    /** The customer's last entries of these types, newest first. */
    @Transactional(readOnly = true)
    public List<Interaction> latestOfCustomer(UUID customerId, java.util.Set<Type> types, int count) {
        return interactions.findByCustomerIdAndTypeIn(customerId, types,
                PageRequest.of(0, count, Sort.by(Sort.Direction.DESC, "occurredAt", "seq"))).getContent();
    }

    @Transactional(readOnly = true)
    public Page<Interaction> ofInvoice(UUID invoiceId, int page, int size) {
        return interactions.findByInvoiceId(invoiceId, PageRequest.of(page, size, OLDEST_FIRST));
    }

    /**
     * The notes whose summary starts with {@code prefix} recorded since {@code since}, newest first, of the given
     * customers if any are given (served by the index on type and time).
     */
    @Transactional(readOnly = true)
    public Page<Interaction> notesSince(String prefix, java.time.Instant since, java.util.Collection<UUID> customers,
                                        int page, int size) {
        PageRequest newestFirst = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "occurredAt", "seq"));
        return customers.isEmpty()
                ? interactions.findByTypeAndSummaryStartingWithAndOccurredAtGreaterThanEqual(Type.NOTE, prefix, since, newestFirst)
                : interactions.findByTypeAndSummaryStartingWithAndOccurredAtGreaterThanEqualAndCustomerIdIn(Type.NOTE, prefix,
                since, customers, newestFirst);
    }
}

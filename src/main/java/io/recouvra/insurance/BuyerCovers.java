package io.recouvra.insurance;

import io.recouvra.insurance.CreditInsurer.Buyer;
import io.recouvra.insurance.CreditInsurer.CoverDecision;
import io.recouvra.insurance.CreditInsurer.CoverStatus;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.scoring.EarlyWarningRaised;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insurer's cover per buyer: asked for by a credit manager, kept in step with the insurer's
 * decisions (a daily sync), and watched: a cover reduced or withdrawn is an early warning, which opens
 * a credit review for the credit managers.
 */
@Service
public class BuyerCovers {

    public record Cover(UUID customerId, CoverStatus status, BigDecimal requestedAmount, BigDecimal approvedLimit,
                        LocalDate validFrom, LocalDate validTo, String insurerReference, Instant decidedAt) {

        /** Whether this decision insures invoices issued on {@code day}. */
        public boolean coversOn(LocalDate day) {
            return (status == CoverStatus.APPROVED || status == CoverStatus.REDUCED) && approvedLimit.signum() > 0
                    && (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    private final JdbcTemplate jdbc;
    private final CreditInsurer insurer;
    private final InsurancePolicies policies;
    private final CustomerService customers;
    private final InteractionLog interactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BuyerCovers(JdbcTemplate jdbc, CreditInsurer insurer, InsurancePolicies policies, CustomerService customers,
                InteractionLog interactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.insurer = insurer;
        this.policies = policies;
        this.customers = customers;
        this.interactions = interactions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Cover> of(UUID customerId) {
        return jdbc.query("select * from recouvra.buyer_cover where customer_id = ?", BuyerCovers::cover, customerId)
                .stream().findFirst();
    }

    /** The covers of these customers (those with one), by customer: one query by primary key. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Cover> of(java.util.Collection<UUID> customerIds) {
        java.util.Map<UUID, Cover> covers = new java.util.HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.query("select * from recouvra.buyer_cover where customer_id = any (?)", BuyerCovers::cover,
                    (Object) customerIds.toArray(UUID[]::new)).forEach(cover -> covers.put(cover.customerId(), cover));
        }
        return covers;
    }

    /** Asks the insurer for a limit on the buyer; its answer (often "requested", decided later) is kept. */
    @Transactional
    public Cover requestLimit(UUID customerId, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidInputException("amount", "must be above 0");
        }
        InsurancePolicy policy = policies.active()
                .orElseThrow(() -> new ConflictException("policy", "no credit-insurance policy is set up"));
        Customer customer = customers.get(customerId);
        CoverDecision decision = insurer.requestLimit(policy.policyNumber(), buyer(customer), amount, policy.currency());
        Optional<Cover> before = of(customerId);
        store(customerId, policy, decision, amount);
        interactions.record(customerId, null, Medium.SYSTEM, Direction.OUTBOUND, Type.NOTE,
                "Credit limit of " + amount.toPlainString() + " " + policy.currency() + " asked of " + policy.insurer(),
                decision.reference());
        warnIfWorse(customer, before, decision, policy);
        return of(customerId).orElseThrow();
    }

    /** Reads the insurer's decision on one buyer and keeps it; a cover reduced or withdrawn raises an early warning. */
    @Transactional
    public Optional<Cover> sync(UUID customerId) {
        InsurancePolicy policy = policies.active().orElse(null);
        if (policy == null) {
            return Optional.empty();
        }
        Customer customer = customers.get(customerId);
        Optional<Cover> before = of(customerId);
        Optional<CoverDecision> decision = insurer.cover(policy.policyNumber(), buyer(customer));
        if (decision.isEmpty()) {
            return before;
        }
        store(customerId, policy, decision.get(), before.map(Cover::requestedAmount).orElse(null));
        warnIfWorse(customer, before, decision.get(), policy);
        return of(customerId);
    }

    /** Every buyer with a cover or a request, one by one (an insurer's answer for one does not hold up the rest). */
    List<UUID> buyersToSync() {
        return jdbc.queryForList("select customer_id from recouvra.buyer_cover order by customer_id", UUID.class);
    }

    static Buyer buyer(Customer customer) {
        return new Buyer(customer.getRegistrationNumber(), customer.getLegalName(), customer.getCountry());
    }

    private void store(UUID customerId, InsurancePolicy policy, CoverDecision decision, BigDecimal requested) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp decided = decision.status() == CoverStatus.REQUESTED ? null : now;
        jdbc.update("""
                insert into recouvra.buyer_cover (customer_id, policy_id, status, requested_amount, approved_limit, valid_from,
                    valid_to, insurer_reference, decided_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id) do update set policy_id = excluded.policy_id, status = excluded.status,
                    requested_amount = coalesce(excluded.requested_amount, buyer_cover.requested_amount),
                    approved_limit = excluded.approved_limit, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                    insurer_reference = excluded.insurer_reference,
                    decided_at = coalesce(excluded.decided_at, buyer_cover.decided_at), updated_at = excluded.updated_at""",
                customerId, policy.id(), decision.status().name(), requested,
                decision.amount() == null ? BigDecimal.ZERO : decision.amount(), decision.validFrom(), decision.validTo(),
                decision.reference(), decided, now);
    }

    private void warnIfWorse(Customer customer, Optional<Cover> before, CoverDecision now, InsurancePolicy policy) {
        BigDecimal had = before.filter(c -> c.status() == CoverStatus.APPROVED || c.status() == CoverStatus.REDUCED)
                .map(Cover::approvedLimit).orElse(null);
        String sign = null;
        if (now.status() == CoverStatus.WITHDRAWN && (before.isEmpty() || before.get().status() != CoverStatus.WITHDRAWN)) {
            sign = policy.insurer() + " withdrew its cover";
        } else if (had != null && now.amount() != null && now.amount().compareTo(had) < 0 && !askedForLess(before, now)
                && (now.status() == CoverStatus.REDUCED || now.status() == CoverStatus.APPROVED)) {
            sign = policy.insurer() + " reduced its cover from " + had.toPlainString() + " to " + now.amount().toPlainString()
                    + " " + policy.currency();
        }
        if (sign != null) {
            interactions.record(customer.getId(), null, Medium.SYSTEM, Direction.INBOUND, Type.NOTE, EarlyWarningRaised.NOTE_PREFIX + sign,
                    now.reference());
            events.publishEvent(new EarlyWarningRaised(customer.getId(), sign));
        }
    }

    /** A lower limit the creditor asked for itself is no warning. */
    private static boolean askedForLess(Optional<Cover> before, CoverDecision now) {
        BigDecimal requested = before.map(Cover::requestedAmount).orElse(null);
        return requested != null && now.amount().compareTo(requested) >= 0;
    }

    private static Cover cover(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Cover(rs.getObject("customer_id", UUID.class), CoverStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("requested_amount"), rs.getBigDecimal("approved_limit"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("insurer_reference"), decided == null ? null : decided.toInstant());
    }
}

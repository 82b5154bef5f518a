package io.recouvra.dashboard;

import io.recouvra.insurance.BuyerCovers;
import io.recouvra.insurance.BuyerCovers.Cover;
import io.recouvra.insurance.InsurancePolicies;
import io.recouvra.insurance.InsurancePolicy;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Exposures;
import io.recouvra.receivables.Exposures.Exposure;
import io.recouvra.scoring.EarlyWarningRaised;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Risk per customer (see docs/dashboard.md): what it owes in each currency against its credit limit (set in euros by
 * the credit review, so compared with the EUR exposure only) and against the credit insurer's cover in force on the day
 * (in the policy's currency); and the early warnings of the last 30 days.
 */
@Component
public class RiskFigures {

    /** Days of early warnings the risk page lists. */
    public static final int WARNING_DAYS = 30;
    private static final String LIMIT_CURRENCY = "EUR";

    /**
     * @param headroom  credit limit − exposure (negative: over the limit); empty without a limit or outside EUR
     * @param insured   the insurer's limit in force on the day, in this currency (zero when none)
     * @param uninsured what the exposure exceeds the insured limit by (zero when within it)
     */
    public record CustomerRisk(UUID customerId, String customerName, String currency, BigDecimal exposure, BigDecimal overdue,
                               BigDecimal creditLimit, Optional<BigDecimal> headroom, BigDecimal insured, BigDecimal uninsured) {

        public boolean overLimit() {
            return headroom.map(h -> h.signum() < 0).orElse(false);
        }
    }

    /** An early warning on a customer's trail: when, and its signs. */
    public record EarlyWarning(UUID customerId, String customerName, Instant raisedAt, String signs) {
    }

    private final Exposures exposures;
    private final BuyerCovers covers;
    private final InsurancePolicies policies;
    private final InteractionLog trail;
    private final CustomerService customers;
    private final ZoneId zone;

    RiskFigures(Exposures exposures, BuyerCovers covers, InsurancePolicies policies, InteractionLog trail,
                CustomerService customers, @Value("${recouvra.zone}") ZoneId zone) {
        this.exposures = exposures;
        this.covers = covers;
        this.policies = policies;
        this.trail = trail;
        this.customers = customers;
        this.zone = zone;
    }

    /** The customers' exposures on {@code day}, largest first, a page at a time. */
    public List<CustomerRisk> exposures(LocalDate day, Collection<UUID> ofCustomers, int page, int size) {
        List<Exposure> rows = exposures.largestOn(day, ofCustomers, page, size);
        Map<UUID, Cover> coverOf = covers.of(rows.stream().map(Exposure::customerId).distinct().toList());
        return of(rows, coverOf, policies.active().map(InsurancePolicy::currency), day);
    }

    /** The early warnings raised in the {@value #WARNING_DAYS} days up to {@code day}, newest first, a page at a time. */
    public List<EarlyWarning> earlyWarnings(LocalDate day, Collection<UUID> ofCustomers, int page, int size) {
        Instant since = day.minusDays(WARNING_DAYS - 1L).atStartOfDay(zone).toInstant();
        List<Interaction> notes = trail.notesSince(EarlyWarningRaised.NOTE_PREFIX, since, ofCustomers, page, size).getContent();
        Map<UUID, String> names = customers.legalNamesOf(notes.stream().map(Interaction::getCustomerId).distinct().toList());
        return notes.stream().map(note -> new EarlyWarning(note.getCustomerId(), names.get(note.getCustomerId()),
                note.getOccurredAt(), note.getSummary().substring(EarlyWarningRaised.NOTE_PREFIX.length()))).toList();
    }

    static List<CustomerRisk> of(List<Exposure> rows, Map<UUID, Cover> coverOf, Optional<String> policyCurrency, LocalDate day) {
        return rows.stream().map(row -> {
            Optional<BigDecimal> headroom = row.creditLimit() == null || !row.currency().equals(LIMIT_CURRENCY)
                    ? Optional.empty() : Optional.of(row.creditLimit().subtract(row.exposure()));
            Cover cover = coverOf.get(row.customerId());
            BigDecimal insured = cover != null && cover.coversOn(day) && policyCurrency.filter(row.currency()::equals).isPresent()
                    ? cover.approvedLimit() : BigDecimal.ZERO;
            BigDecimal uninsured = row.exposure().subtract(insured).max(BigDecimal.ZERO);
            return new CustomerRisk(row.customerId(), row.customerName(), row.currency(), row.exposure(), row.overdue(),
                    row.creditLimit(), headroom, insured, uninsured);
        }).toList();
    }
}

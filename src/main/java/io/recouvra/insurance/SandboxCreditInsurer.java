package io.recouvra.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An insurer for the zero-setup run and the tests, answering as a real one does: a limit request is
 * decided two days later (in full up to 100,000, half of it above: a partial approval); a cover is
 * valid a year; an extension is granted up to 90 days past the due date; a claim is indemnified 30
 * days after it is filed, for the amount claimed. Scenarios make it do what insurers also do:
 * withdraw a cover, refuse a claim, or be unreachable for a while.
 */
public class SandboxCreditInsurer implements CreditInsurer {

    static final Duration DECISION_DELAY = Duration.ofDays(2);
    static final Duration CLAIM_DELAY = Duration.ofDays(30);
    private static final BigDecimal FULL_APPROVAL_UP_TO = new BigDecimal("100000");

    private record LimitRequest(Buyer buyer, BigDecimal amount, String currency, Instant at, String reference) {
    }

    private record Claim(String buyer, BigDecimal amount, Instant filedAt) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, LimitRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, CoverDecision> withdrawn = new ConcurrentHashMap<>();
    private final Map<String, String> declaredBuyers = new ConcurrentHashMap<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final Map<String, String> claimRefusals = new ConcurrentHashMap<>();
    private final AtomicInteger outageCalls = new AtomicInteger();
    private final Map<String, String> disputes = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> writeOffs = new ConcurrentHashMap<>();
    private final Map<String, InsolvencyNotice> insolvencies = new ConcurrentHashMap<>();

    SandboxCreditInsurer(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    // ---- scenarios

    /** The insurer withdraws its cover on the buyer from today. */
    public void withdrawCover(String registrationNumber) {
        withdrawn.put(registrationNumber, new CoverDecision(CoverStatus.WITHDRAWN, BigDecimal.ZERO, null, today(), null,
                "SBX-W-" + sequence.incrementAndGet()));
    }

    /** The insurer will refuse claims on the buyer's overdues, for this reason. */
    public void refuseClaimsOn(String registrationNumber, String reason) {
        claimRefusals.put(registrationNumber, reason);
    }

    /** The next {@code calls} calls fail as an unreachable insurer would. */
    public void beUnreachableFor(int calls) {
        outageCalls.set(calls);
    }

    /** Back to normal, forgetting every request and scenario. */
    public void reset() {
        requests.clear();
        withdrawn.clear();
        declaredBuyers.clear();
        claims.clear();
        claimRefusals.clear();
        disputes.clear();
        writeOffs.clear();
        insolvencies.clear();
        outageCalls.set(0);
    }

    // ---- the insurer

    @Override
    public CoverDecision requestLimit(String policyNumber, Buyer buyer, BigDecimal amount, String currency) {
        reachable();
        LimitRequest request = new LimitRequest(buyer, amount, currency, clock.instant(), "SBX-L-" + sequence.incrementAndGet());
        requests.put(buyer.registrationNumber(), request);
        withdrawn.remove(buyer.registrationNumber());
        return new CoverDecision(CoverStatus.REQUESTED, BigDecimal.ZERO, currency, null, null, request.reference());
    }

    @Override
    public Optional<CoverDecision> cover(String policyNumber, Buyer buyer) {
        reachable();
        if (withdrawn.containsKey(buyer.registrationNumber())) {
            return Optional.of(withdrawn.get(buyer.registrationNumber()));
        }
        LimitRequest request = requests.get(buyer.registrationNumber());
        if (request == null) {
            return Optional.empty();
        }
        Instant decidedAt = request.at().plus(DECISION_DELAY);
        if (clock.instant().isBefore(decidedAt)) {
            return Optional.of(new CoverDecision(CoverStatus.REQUESTED, BigDecimal.ZERO, request.currency(), null, null,
                    request.reference()));
        }
        LocalDate from = LocalDate.ofInstant(decidedAt, zone);
        boolean partly = request.amount().compareTo(FULL_APPROVAL_UP_TO) > 0;
        return Optional.of(new CoverDecision(partly ? CoverStatus.REDUCED : CoverStatus.APPROVED,
                partly ? request.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : request.amount(), request.currency(),
                from, from.plusYears(1).minusDays(1), request.reference()));
    }

    @Override
    public String declareOverdue(String policyNumber, OverdueNotice notice) {
        reachable();
        String reference = "SBX-D-" + notice.invoiceNumber();
        declaredBuyers.put(reference, notice.buyer().registrationNumber());
        return reference;
    }

    @Override
    public ExtensionDecision requestExtension(String policyNumber, Buyer buyer, String invoiceNumber, LocalDate dueDate,
                                              LocalDate newDueDate) {
        reachable();
        if (newDueDate.isAfter(dueDate.plusDays(90))) {
            return new ExtensionDecision(false, null, "beyond the 90 days the policy allows");
        }
        return new ExtensionDecision(true, newDueDate, null);
    }

    @Override
    public String fileClaim(String policyNumber, String declarationReference, BigDecimal amount, String currency) {
        reachable();
        String buyer = declaredBuyers.get(declarationReference);
        if (buyer == null) {
            throw new InsurerRefusal(404, "no overdue notice " + declarationReference);
        }
        String reference = "SBX-C-" + sequence.incrementAndGet();
        claims.put(reference, new Claim(buyer, amount, clock.instant()));
        return reference;
    }

    @Override
    public ClaimDecision claim(String policyNumber, String claimReference) {
        reachable();
        Claim claim = claims.get(claimReference);
        if (claim == null) {
            throw new InsurerRefusal(404, "no claim " + claimReference);
        }
        Instant decidedAt = claim.filedAt().plus(CLAIM_DELAY);
        if (clock.instant().isBefore(decidedAt)) {
            return new ClaimDecision(ClaimStatus.PENDING, null, null, null);
        }
        String refusal = claimRefusals.get(claim.buyer());
        if (refusal != null) {
            return new ClaimDecision(ClaimStatus.REFUSED, null, null, refusal);
        }
        return new ClaimDecision(ClaimStatus.INDEMNIFIED, claim.amount(), LocalDate.ofInstant(decidedAt, zone), null);
    }

    @Override
    public void reportPayment(String policyNumber, String declarationReference, BigDecimal amount, String currency,
                              LocalDate valueDate) {
        reachable();
    }

    @Override
    public void reportDispute(String policyNumber, Buyer buyer, String invoiceNumber, String reason) {
        reachable();
        disputes.put(invoiceNumber, reason);
    }

    @Override
    public void reportWriteOff(String policyNumber, String declarationReference, BigDecimal amount, String currency, String reason) {
        reachable();
        writeOffs.put(declarationReference, amount);
    }

    @Override
    public void reportInsolvency(String policyNumber, Buyer buyer, InsolvencyNotice notice) {
        reachable();
        insolvencies.putIfAbsent(buyer.registrationNumber() + "@" + notice.judgmentDate(), notice);
    }

    /** The insolvency proceedings the insurer was told of, by "registration number@judgment day". */
    public Map<String, InsolvencyNotice> insolvenciesReported() {
        return Map.copyOf(insolvencies);
    }

    /** The write-offs the insurer was told of, by overdue notice. */
    public Map<String, BigDecimal> writeOffsReported() {
        return Map.copyOf(writeOffs);
    }

    /** The disputes the insurer was told of, by invoice. */
    public Map<String, String> disputesReported() {
        return Map.copyOf(disputes);
    }

    private void reachable() {
        if (outageCalls.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new InsurerUnavailable("sandbox insurer unreachable (outage scenario)", null);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

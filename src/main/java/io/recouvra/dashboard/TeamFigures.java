package io.recouvra.dashboard;

import io.recouvra.collection.CallAttempts;
import io.recouvra.collection.CallAttempts.CallTally;
import io.recouvra.collection.CallAttempts.PromiseTally;
import io.recouvra.security.RecouvraGroups;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The team's figures, per collector (docs/dashboard.md): the calls she made in a period and their outcomes, the promises
 * those calls obtained and how many were kept or broken since, and her call tasks past their due date now. A collector
 * is a member of group {@code collectors} or whoever recorded a call; the calls recorded with nobody logged in are
 * nobody's and not shown.
 */
@Component
public class TeamFigures {

    /** The outcomes of a call, in the order the page shows them. */
    static final List<String> OUTCOMES = List.of("PROMISE_TO_PAY", "PAYMENT_PLAN_REQUESTED", "ALREADY_PAID", "DISPUTE",
            "WRONG_CONTACT", "NO_ANSWER");

    /**
     * One collector's figures. {@code keptRate}: kept ÷ (kept + broken) × 100 of the promises obtained, one decimal
     * half-up, empty when none was judged yet.
     */
    public record Member(String collector, Map<String, Long> callsByOutcome, long calls, long promises, long kept,
                         long broken, long overdueTasks) {

        public long calls(String outcome) {
            return callsByOutcome.getOrDefault(outcome, 0L);
        }

        public Optional<BigDecimal> keptRate() {
            return kept + broken == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(kept * 100)
                    .divide(BigDecimal.valueOf(kept + broken), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP));
        }
    }

    private final CallAttempts attempts;
    private final IdentityService identity;

    TeamFigures(CallAttempts attempts, IdentityService identity) {
        this.attempts = attempts;
        this.identity = identity;
    }

    /** Every collector's figures, by name. */
    public List<Member> everyone(LocalDate from, LocalDate to) {
        Collection<String> collectors = identity.createUserQuery().memberOfGroup(RecouvraGroups.COLLECTORS).list().stream()
                .map(User::getId).toList();
        List<CallTally> calls = attempts.calls(from, to, null);
        TreeSet<String> shown = new TreeSet<>(collectors);
        calls.stream().map(CallTally::collector).filter(name -> !name.isEmpty()).forEach(shown::add);
        Map<String, Long> overdue = new TreeMap<>();
        shown.forEach(collector -> overdue.put(collector, attempts.overdueCallTasks(collector)));
        return of(shown, calls, attempts.promises(from, to, null), overdue);
    }

    /** One collector's own figures. */
    public List<Member> of(String collector, LocalDate from, LocalDate to) {
        return of(List.of(collector), attempts.calls(from, to, collector), attempts.promises(from, to, collector),
                Map.of(collector, attempts.overdueCallTasks(collector)));
    }

    /** The call tasks past their due date that nobody has taken. */
    public long overdueUnassigned() {
        return attempts.overdueCallTasks(null);
    }

    static List<Member> of(Collection<String> collectors, List<CallTally> calls, List<PromiseTally> promises,
                           Map<String, Long> overdue) {
        return collectors.stream().sorted().map(collector -> {
            Map<String, Long> byOutcome = new TreeMap<>();
            calls.stream().filter(c -> c.collector().equals(collector)).forEach(c -> byOutcome.merge(c.outcome(), c.count(), Long::sum));
            long obtained = 0;
            long kept = 0;
            long broken = 0;
            for (PromiseTally promise : promises) {
                if (promise.collector().equals(collector)) {
                    obtained += promise.count();
                    kept += "KEPT".equals(promise.status()) ? promise.count() : 0;
                    broken += "BROKEN".equals(promise.status()) ? promise.count() : 0;
                }
            }
            long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
            return new Member(collector, Map.copyOf(byOutcome), total, obtained, kept, broken, overdue.getOrDefault(collector, 0L));
        }).toList();
    }
}

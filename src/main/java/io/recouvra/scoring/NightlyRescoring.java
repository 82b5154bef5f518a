package io.recouvra.scoring;

import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerLedger.Owing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The nightly re-scoring. It does not score every customer every night: only those who still owe
 * something and whose ledger moved since their last score (an invoice, a payment, a credit note), who
 * were never scored, or whose score is older than {@code maxAge} (overdue invoices age without any
 * new row). The customers who owe are read in pages of ids (keyset, never an offset) from the ledger, with when
 * their ledger last moved, and their last scores in one query per page; each is scored in its own transaction,
 * so memory stays bounded by the page and one failure costs one customer.
 */
@Component
class NightlyRescoring {

    private static final Logger log = LoggerFactory.getLogger(NightlyRescoring.class);
    /** The smallest uuid in PostgreSQL's (unsigned, byte-wise) order. */
    private static final UUID FIRST = new UUID(0, 0);

    private final CustomerLedger ledger;
    private final JdbcTemplate jdbc;
    private final Scoring scoring;
    private final Clock clock;
    private final int pageSize;
    private final Duration maxAge;

    NightlyRescoring(CustomerLedger ledger, JdbcTemplate jdbc, Scoring scoring, Clock clock,
                     @Value("${recouvra.scoring.nightly.page-size}") int pageSize,
                     @Value("${recouvra.scoring.nightly.max-age}") Duration maxAge) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.clock = clock;
        this.pageSize = pageSize;
        this.maxAge = maxAge;
    }

    record Run(int examined, int scored, int failed, Duration took) {
    }

    Run run() {
        Instant started = clock.instant();
        Instant staleBefore = started.minus(maxAge);
        int scored = 0;
        int failed = 0;
        int examined = 0;
        UUID after = FIRST;
        List<Owing> page;
        do {
            page = ledger.owing(after, pageSize);
            for (UUID customer : due(page, staleBefore)) {
                try {
                    scoring.score(customer);
                    scored++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Nightly re-scoring of customer {} failed", customer, e);
                }
            }
            examined += page.size();
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).customerId();
            }
        } while (page.size() == pageSize);
        Run run = new Run(examined, scored, failed, Duration.between(started, clock.instant()));
        log.info("Nightly re-scoring: {} customers scored, {} failed, in {}", run.scored(), run.failed(), run.took());
        return run;
    }

    /** Those never scored, scored before {@code staleBefore}, or whose ledger moved since their last score. */
    private List<UUID> due(List<Owing> owing, Instant staleBefore) {
        Map<UUID, Instant> lastScored = new HashMap<>();
        jdbc.query("select customer_id, max(scored_at) from recouvra.credit_score where customer_id = any (?) group by customer_id",
                (RowCallbackHandler) rs -> lastScored.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()),
                (Object) owing.stream().map(Owing::customerId).toArray(UUID[]::new));
        return owing.stream().filter(customer -> {
            Instant last = lastScored.get(customer.customerId());
            return last == null || last.isBefore(staleBefore) || customer.ledgerMovedAt().isAfter(last);
        }).map(Owing::customerId).toList();
    }
}

package io.recouvra.scoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nightly re-scoring. It does not score every customer every night: only those who still owe
 * something and whose ledger moved since their last score (an invoice, a payment, a credit note), who
 * were never scored, or whose score is older than {@code maxAge} (overdue invoices age without any
 * new row). Customers are read in pages of ids (keyset, never an offset) and each is scored in its
 * own transaction, so memory stays bounded by the page and one failure costs one customer.
 */
@Component
class NightlyRescoring {

    private static final Logger log = LoggerFactory.getLogger(NightlyRescoring.class);
    /** The smallest uuid in PostgreSQL's (unsigned, byte-wise) order. */
    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final Scoring scoring;
    private final Clock clock;
    private final int pageSize;
    private final Duration maxAge;

    NightlyRescoring(JdbcTemplate jdbc, Scoring scoring, Clock clock,
                     @Value("${recouvra.scoring.nightly.page-size}") int pageSize,
                     @Value("${recouvra.scoring.nightly.max-age}") Duration maxAge) {
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
        Timestamp staleBefore = Timestamp.from(started.minus(maxAge));
        int scored = 0;
        int failed = 0;
        int examined = 0;
        UUID after = FIRST;
        List<UUID> page;
        do {
            page = due(after, staleBefore);
            for (UUID customer : page) {
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
                after = page.get(page.size() - 1);
            }
        } while (page.size() == pageSize);
        Run run = new Run(examined, scored, failed, Duration.between(started, clock.instant()));
        log.info("Nightly re-scoring: {} customers scored, {} failed, in {}", run.scored(), run.failed(), run.took());
        return run;
    }

    private List<UUID> due(UUID after, Timestamp staleBefore) {
        // uuid order in PostgreSQL is not Java's compareTo order: compare in SQL only.
        return jdbc.queryForList("""
                select c.id from recouvra.customer c
                left join lateral (select max(s.scored_at) as at from recouvra.credit_score s
                                   where s.customer_id = c.id) last_score on true
                where c.id > ?
                  and exists (select 1 from recouvra.invoice i where i.customer_id = c.id
                              and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF'))
                  and (last_score.at is null
                       or last_score.at < ?
                       or exists (select 1 from recouvra.invoice i where i.customer_id = c.id and i.created_at > last_score.at)
                       or exists (select 1 from recouvra.payment p where p.customer_id = c.id and p.received_at > last_score.at)
                       or exists (select 1 from recouvra.credit_note n join recouvra.invoice i on i.id = n.invoice_id
                                  where i.customer_id = c.id and n.created_at > last_score.at))
                order by c.id
                limit ?""", UUID.class, after, staleBefore, pageSize);
    }
}

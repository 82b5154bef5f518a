package io.recouvra.scoring;

import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the nightly re-scoring at the configured time in the business time zone, on one node only:
 * every node's scheduler fires, the first to take the lock runs the night, the others skip it.
 * Tests run it by hand.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.scoring.nightly.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledRescoring {

    static final String LOCK = "nightly-rescoring";
    /** Longer than any night measured (10,000 customers in about 30 s); frees the lock if a node dies mid-run. */
    private static final Duration AT_MOST = Duration.ofHours(3);
    /** Keeps a node whose clock is a little late from running the same night again once the first has finished. */
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledRescoring.class);

    private final NightlyRescoring rescoring;
    private final LockProvider locks;

    ScheduledRescoring(NightlyRescoring rescoring, LockProvider locks) {
        this.rescoring = rescoring;
        this.locks = locks;
    }

    @Scheduled(cron = "${recouvra.scoring.nightly.cron}", zone = "${recouvra.zone}")
    void nightly() {
        runUnlessAnotherNodeIs();
    }

    /** @return whether this node ran the night */
    boolean runUnlessAnotherNodeIs() {
        Optional<SimpleLock> night = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, AT_MOST, AT_LEAST));
        if (night.isEmpty()) {
            log.info("Nightly re-scoring skipped: another node is running it");
            return false;
        }
        try {
            rescoring.run();
        } finally {
            night.get().unlock();
        }
        return true;
    }
}

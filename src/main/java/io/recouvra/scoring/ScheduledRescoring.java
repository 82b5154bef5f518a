package io.recouvra.scoring;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
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
    /**
     * Longer than any night measured (10,000 customers in about 30 s; owing a million invoices, about 2 minutes); frees
     * the lock if a node dies mid-run.
     */
    private static final Duration AT_MOST = Duration.ofHours(3);
    /** Keeps a node whose clock is a little late from running the same night again once the first has finished. */
    private static final Duration AT_LEAST = Duration.ofMinutes(10);

    private final NightlyRescoring rescoring;
    private final SingleNodeJobs jobs;

    ScheduledRescoring(NightlyRescoring rescoring, SingleNodeJobs jobs) {
        this.rescoring = rescoring;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.scoring.nightly.cron}", zone = "${recouvra.zone}")
    void nightly() {
        runUnlessAnotherNodeIs();
    }

    /** @return whether this node ran the night */
    boolean runUnlessAnotherNodeIs() {
        return jobs.runAlone(LOCK, AT_MOST, AT_LEAST, rescoring::run);
    }
}

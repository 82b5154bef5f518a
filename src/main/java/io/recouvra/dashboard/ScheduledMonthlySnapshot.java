package io.recouvra.dashboard;

import io.recouvra.database.SingleNodeJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the month just ended, every night in the business time zone, on one node only: the first night of a month
 * takes the month before, the other nights find it taken and do nothing, and a night missed (the application was
 * down on the 1st) is caught up the next one. Tests run it by hand.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.dashboard.snapshot.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledMonthlySnapshot {

    static final String LOCK = "dashboard-monthly-snapshot";
    static final String TAKEN_BY = "scheduler";
    /** Two grouped queries over the book (a few seconds for a million invoices); frees the lock if a node dies. */
    private static final Duration AT_MOST = Duration.ofMinutes(30);
    private static final Duration AT_LEAST = Duration.ofMinutes(1);

    private final MonthlySnapshots snapshots;
    private final SingleNodeJobs jobs;
    private final Clock clock;

    ScheduledMonthlySnapshot(MonthlySnapshots snapshots, SingleNodeJobs jobs, Clock clock) {
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${recouvra.dashboard.snapshot.cron}", zone = "${recouvra.zone}")
    void nightly() {
        takeLastMonthUnlessAnotherNodeIs();
    }

    /** @return whether this node took the check (the month may have been taken already) */
    boolean takeLastMonthUnlessAnotherNodeIs() {
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        return jobs.runAlone(LOCK, AT_MOST, AT_LEAST, () -> snapshots.take(lastMonth, TAKEN_BY));
    }
}

package io.recouvra.receivables;

import io.recouvra.database.SingleNodeJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The upkeep of the cash forecast's read models (docs/dashboard.md, "Performance"): the changes folded into the sums by
 * expected day every minute, on every node (folding is safe concurrently, and a node that folds keeps the readers' list
 * of pending changes short); the payment delays worked out again every night, on one node (every node would do the
 * same work, and the night's run refreshes customers one lock at a time). Tests run them by hand.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.receivables.read-models.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledReadModels {

    static final String DELAYS_LOCK = "receivables-payment-delays";
    /** One grouped query over a year's allocations, then the customers whose shift changed; frees the lock if a node dies. */
    private static final Duration AT_MOST = Duration.ofHours(2);
    private static final Duration AT_LEAST = Duration.ofMinutes(1);

    private final OwedSalesByDay owed;
    private final PaymentDelays delays;
    private final SingleNodeJobs jobs;
    private final Clock clock;

    ScheduledReadModels(OwedSalesByDay owed, PaymentDelays delays, SingleNodeJobs jobs, Clock clock) {
        this.owed = owed;
        this.delays = delays;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${recouvra.receivables.read-models.fold-interval}")
    void fold() {
        owed.fold();
    }

    @Scheduled(cron = "${recouvra.receivables.read-models.delays-cron}", zone = "${recouvra.zone}")
    void nightly() {
        LocalDate today = LocalDate.now(clock);
        jobs.runAlone(DELAYS_LOCK, AT_MOST, AT_LEAST, () -> delays.refreshChanged(today));
    }
}

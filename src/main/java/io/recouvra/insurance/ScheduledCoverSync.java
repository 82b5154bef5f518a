package io.recouvra.insurance;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the insurer's decisions on every buyer once a day, on one node: limits decided since the
 * request, reduced or withdrawn (early warnings). One buyer the insurer cannot answer for is skipped
 * and read again the next day; the rest go on.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.insurance.cover-sync.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledCoverSync {

    static final String LOCK = "insurance-cover-sync";
    private static final Duration AT_MOST = Duration.ofHours(2);
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledCoverSync.class);

    private final BuyerCovers covers;
    private final SingleNodeJobs jobs;

    ScheduledCoverSync(BuyerCovers covers, SingleNodeJobs jobs) {
        this.covers = covers;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.insurance.cover-sync.cron}", zone = "${recouvra.zone}")
    void daily() {
        jobs.runAlone(LOCK, AT_MOST, AT_LEAST, () -> log.info("Insurance cover sync: {} buyers read", syncAll()));
    }

    /** @return how many buyers were read */
    int syncAll() {
        int read = 0;
        for (UUID buyer : covers.buyersToSync()) {
            try {
                covers.sync(buyer);
                read++;
            } catch (CreditInsurer.InsurerUnavailable | CreditInsurer.InsurerRefusal e) {
                log.warn("Insurance cover of buyer {} not read today: {}", buyer, e.getMessage());
            }
        }
        return read;
    }
}

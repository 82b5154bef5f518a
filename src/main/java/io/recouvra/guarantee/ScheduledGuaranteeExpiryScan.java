package io.recouvra.guarantee;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, on one node: the early warnings of guarantees about to end ({@link GuaranteeExpiryWarnings#raise()}). */
@Component
@ConditionalOnProperty(name = "recouvra.guarantee.expiry-scan.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledGuaranteeExpiryScan {

    static final String LOCK = "guarantee-expiry-scan";
    private static final Duration AT_MOST = Duration.ofHours(1);
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledGuaranteeExpiryScan.class);

    private final GuaranteeExpiryWarnings warnings;
    private final SingleNodeJobs jobs;

    ScheduledGuaranteeExpiryScan(GuaranteeExpiryWarnings warnings, SingleNodeJobs jobs) {
        this.warnings = warnings;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.guarantee.expiry-scan.cron}", zone = "${recouvra.zone}")
    void daily() {
        jobs.runAlone(LOCK, AT_MOST, AT_LEAST, () -> log.info("Guarantee expiry scan: {} warnings raised", warnings.raise().size()));
    }
}

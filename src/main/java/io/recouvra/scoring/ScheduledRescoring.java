package io.recouvra.scoring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the nightly re-scoring at the configured time in the business time zone; tests run it by hand. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.scoring.nightly.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledRescoring {

    private final NightlyRescoring rescoring;

    ScheduledRescoring(NightlyRescoring rescoring) {
        this.rescoring = rescoring;
    }

    @Scheduled(cron = "${recouvra.scoring.nightly.cron}", zone = "${recouvra.zone}")
    void nightly() {
        rescoring.run();
    }
}

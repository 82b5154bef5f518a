package io.recouvra.legal;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, on one node: a review task for the legal officers on every open claim that becomes
 * time-barred within the warning period without an interrupting act ({@link Prescriptions#raiseReviews()}).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.legal.prescription-scan.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledPrescriptionScan {

    static final String LOCK = "legal-prescription-scan";
    private static final Duration AT_MOST = Duration.ofHours(1);
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledPrescriptionScan.class);

    private final Prescriptions prescriptions;
    private final SingleNodeJobs jobs;

    ScheduledPrescriptionScan(Prescriptions prescriptions, SingleNodeJobs jobs) {
        this.prescriptions = prescriptions;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.legal.prescription-scan.cron}", zone = "${recouvra.zone}")
    void daily() {
        jobs.runAlone(LOCK, AT_MOST, AT_LEAST, () -> {
            List<Prescriptions.Review> raised = prescriptions.raiseReviews();
            log.info("Prescription scan: {} reviews raised", raised.size());
        });
    }
}

package io.recouvra.interest;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, on one node: the admins' task asking for a half-year's rates, when due ({@link LatePaymentRateRequests}). */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.interest.rate-request.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledLatePaymentRateRequests {

    static final String LOCK = "late-payment-rate-request";
    private static final Duration AT_MOST = Duration.ofMinutes(30);
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledLatePaymentRateRequests.class);

    private final LatePaymentRateRequests requests;
    private final SingleNodeJobs jobs;

    ScheduledLatePaymentRateRequests(LatePaymentRateRequests requests, SingleNodeJobs jobs) {
        this.requests = requests;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.interest.rate-request.cron:0 0 7 * * *}", zone = "${recouvra.zone}")
    void daily() {
        jobs.runAlone(LOCK, AT_MOST, AT_LEAST, () -> {
            List<LocalDate> asked = requests.raiseDue();
            if (!asked.isEmpty()) {
                log.info("Late-payment rates asked of the admins for the half-years starting {}", asked);
            }
        });
    }
}

package io.recouvra.interest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
    private final LockProvider locks;

    ScheduledLatePaymentRateRequests(LatePaymentRateRequests requests, LockProvider locks) {
        this.requests = requests;
        this.locks = locks;
    }

    @Scheduled(cron = "${recouvra.interest.rate-request.cron:0 0 7 * * *}", zone = "${recouvra.zone}")
    void daily() {
        Optional<SimpleLock> day = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, AT_MOST, AT_LEAST));
        if (day.isEmpty()) {
            log.info("Late-payment rate request skipped: another node is running it");
            return;
        }
        try {
            List<LocalDate> asked = requests.raiseDue();
            if (!asked.isEmpty()) {
                log.info("Late-payment rates asked of the admins for the half-years starting {}", asked);
            }
        } finally {
            day.get().unlock();
        }
    }
}

package io.recouvra.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the headline gauges at start-up and then at the configured interval (a minute by default). On every node,
 * without a scheduler lock: each node serves its own /actuator/prometheus, so each needs its own snapshot (a few
 * grouped queries over the read models, the pages' own). Tests refresh by hand.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "recouvra.dashboard.gauges.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledGaugeRefresh {

    private final ReceivablesGauges gauges;

    ScheduledGaugeRefresh(ReceivablesGauges gauges) {
        this.gauges = gauges;
    }

    @Scheduled(fixedDelayString = "${recouvra.dashboard.gauges.refresh-interval}")
    void refresh() {
        gauges.refresh();
    }
}

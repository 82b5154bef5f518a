package io.recouvra.messaging.outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchSettings.class, UncertainSettings.class, WorkerSettings.class})
class OutboxConfiguration {

    /** Runs the dispatcher on a schedule; tests leave it off and drive the dispatcher by hand. */
    @Component
    @EnableScheduling
    @ConditionalOnProperty(name = "recouvra.messaging.dispatch.scheduled", havingValue = "true", matchIfMissing = true)
    static class ScheduledDispatch {

        private final ChannelWorkers workers;

        ScheduledDispatch(ChannelWorkers workers) {
            this.workers = workers;
        }

        /** Only hands work to each channel's own workers: a slow provider never holds the scheduler. */
        @Scheduled(fixedDelayString = "${recouvra.messaging.dispatch.interval}")
        void dispatch() {
            workers.tick();
        }
    }
}

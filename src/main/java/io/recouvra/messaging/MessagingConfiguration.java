package io.recouvra.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchSettings.class, Creditor.class, CreditorIdentity.class, ContactRules.class,
        UncertainSettings.class, WorkerSettings.class})
class MessagingConfiguration {

    /** Runs the dispatcher on a schedule; tests leave it off and drive the dispatcher by hand. */
    @Component
    @EnableScheduling
    @ConditionalOnProperty(name = "recouvra.messaging.dispatch.scheduled", havingValue = "true", matchIfMissing = true)
    static class ScheduledDispatch {

        private final ChannelWorkers workers;
        private final ObjectProvider<SandboxLetters> sandboxLetters;

        ScheduledDispatch(ChannelWorkers workers, ObjectProvider<SandboxLetters> sandboxLetters) {
            this.workers = workers;
            this.sandboxLetters = sandboxLetters;
        }

        /** Only hands work to each channel's own workers: a slow provider never holds the scheduler. */
        @Scheduled(fixedDelayString = "${recouvra.messaging.dispatch.interval}")
        void dispatch() {
            workers.tick();
        }

        /** The sandbox postal service signs its acknowledgements of receipt after their delay. */
        @Scheduled(fixedDelayString = "PT15S")
        void acknowledgeSandboxLetters() {
            sandboxLetters.ifAvailable(SandboxLetters::acknowledgeDue);
        }
    }
}

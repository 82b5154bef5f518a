package io.recouvra.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchSettings.class, Creditor.class, CreditorIdentity.class, ContactRules.class})
class MessagingConfiguration {

    /** Runs the dispatcher on a schedule; tests leave it off and drive the dispatcher by hand. */
    @Component
    @EnableScheduling
    @ConditionalOnProperty(name = "recouvra.messaging.dispatch.scheduled", havingValue = "true", matchIfMissing = true)
    static class ScheduledDispatch {

        private final Dispatcher dispatcher;
        private final ObjectProvider<SandboxLetters> sandboxLetters;

        ScheduledDispatch(Dispatcher dispatcher, ObjectProvider<SandboxLetters> sandboxLetters) {
            this.dispatcher = dispatcher;
            this.sandboxLetters = sandboxLetters;
        }

        @Scheduled(fixedDelayString = "${recouvra.messaging.dispatch.interval}")
        void dispatch() {
            while (dispatcher.dispatchDue() > 0) {
                // keep going while there is a backlog
            }
        }

        @Scheduled(fixedDelayString = "${recouvra.messaging.dispatch.interval}", initialDelayString = "PT30S")
        void reconcile() {
            dispatcher.reconcileAbandoned();
        }

        /** The sandbox postal service signs its acknowledgements of receipt after their delay. */
        @Scheduled(fixedDelayString = "PT15S")
        void acknowledgeSandboxLetters() {
            sandboxLetters.ifAvailable(SandboxLetters::acknowledgeDue);
        }
    }
}

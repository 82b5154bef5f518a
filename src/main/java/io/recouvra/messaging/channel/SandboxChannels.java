package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The zero-setup run's providers: they accept every message, as a provider would, and keep nothing
 * but what the outbox and the interaction log already record (the rendered message, visible through
 * {@code /api/v1/customers/{id}/interactions}). Production adapters replace them by configuration.
 */
@Configuration(proxyBeanMethods = false)
class SandboxChannels {

    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.email.adapter", havingValue = "sandbox", matchIfMissing = true)
    ChannelAdapter sandboxEmail() {
        return new Sandbox(Channel.EMAIL);
    }

    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.sms.adapter", havingValue = "sandbox", matchIfMissing = true)
    ChannelAdapter sandboxSms() {
        return new Sandbox(Channel.SMS);
    }

    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.letter.adapter", havingValue = "sandbox", matchIfMissing = true)
    SandboxLetters sandboxLetters(@Value("${recouvra.messaging.letter.sandbox.folder}") Path folder,
                                  @Value("${recouvra.messaging.letter.sandbox.acknowledge-after}") Duration acknowledgeAfter,
                                  LetterAcknowledgements acknowledgements, Clock clock) {
        return new SandboxLetters(folder, acknowledgeAfter, acknowledgements, clock);
    }

    /** The sandbox postal service signs its acknowledgements of receipt after their delay (tests do it by hand). */
    @Component
    @EnableScheduling
    @ConditionalOnProperty(name = "recouvra.messaging.dispatch.scheduled", havingValue = "true", matchIfMissing = true)
    static class ScheduledAcknowledgements {

        private final ObjectProvider<SandboxLetters> sandboxLetters;

        ScheduledAcknowledgements(ObjectProvider<SandboxLetters> sandboxLetters) {
            this.sandboxLetters = sandboxLetters;
        }

        @Scheduled(fixedDelayString = "PT15S")
        void acknowledgeSandboxLetters() {
            sandboxLetters.ifAvailable(SandboxLetters::acknowledgeDue);
        }
    }

    /** Accepts everything, and remembers what it accepted (until the application stops). */
    static final class Sandbox implements ChannelAdapter {

        private final Channel channel;
        private final Map<UUID, String> received = new ConcurrentHashMap<>();

        Sandbox(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public SendOutcome send(OutboundMessage message) {
            String id = "sandbox-" + UUID.randomUUID();
            received.put(message.id(), id);
            return new SendOutcome.Sent(id);
        }

        /**
         * The sandbox answers at once and never times out, so an uncertain send only comes from a node
         * that died after handing it over (or a restart, which it forgets): what it holds was sent.
         */
        @Override
        public SendOutcome reconcile(OutboundMessage message) {
            String held = received.get(message.id());
            return held != null ? new SendOutcome.Sent(held)
                    : new SendOutcome.TemporaryFailure("the sandbox never received message " + message.id());
        }
    }
}

package io.recouvra.messaging;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                                  DeliveryReports deliveryReports, Clock clock) {
        return new SandboxLetters(folder, acknowledgeAfter, deliveryReports, clock);
    }

    record Sandbox(Channel channel) implements ChannelAdapter {

        @Override
        public SendOutcome send(OutboundMessage message) {
            return new SendOutcome.Sent("sandbox-" + UUID.randomUUID());
        }

        /**
         * The sandbox answers at once and never times out, so an uncertain send only comes from a node
         * that died after handing it over; for a demo, sending it again is the lesser evil.
         */
        @Override
        public SendOutcome reconcile(OutboundMessage message) {
            return new SendOutcome.TemporaryFailure("the sandbox never received message " + message.id());
        }
    }
}

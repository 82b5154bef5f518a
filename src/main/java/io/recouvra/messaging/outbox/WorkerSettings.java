package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threads how many messages of each channel may be with their provider at once, on this node
 *                (channels not listed: {@link #DEFAULT_THREADS})
 */
@ConfigurationProperties("recouvra.messaging.workers")
record WorkerSettings(Map<Channel, Integer> threads) {

    static final int DEFAULT_THREADS = 2;

    int threads(Channel channel) {
        Integer configured = threads == null ? null : threads.get(channel);
        if (configured != null && configured < 1) {
            throw new IllegalStateException("recouvra.messaging.workers.threads." + channel.name().toLowerCase()
                    + " must be at least 1: " + configured);
        }
        return configured == null ? DEFAULT_THREADS : configured;
    }
}

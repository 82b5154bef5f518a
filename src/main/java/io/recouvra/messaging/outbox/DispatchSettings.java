package io.recouvra.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize   rows one dispatcher claims at a time
 * @param lease       how long a claimed row is left to its dispatcher (renewed just before each send);
 *                    longer than any provider call, so that a row still SENDING after its lease was
 *                    abandoned (the node died mid-send) and may be reconciled
 * @param maxAttempts temporary failures before a message is given up
 * @param firstRetry  wait after the first temporary failure; doubled after each further one
 * @param maxRetry    longest wait between two attempts
 * @param reconcileAfter how long after an uncertain send the provider is asked whether it has the message
 */
@ConfigurationProperties("recouvra.messaging.dispatch")
record DispatchSettings(int batchSize, Duration lease, int maxAttempts, Duration firstRetry, Duration maxRetry,
                        Duration reconcileAfter) {

    Duration backoff(int failedAttempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

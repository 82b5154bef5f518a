package io.recouvra.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an UNKNOWN message is rechecked with its provider before a person is asked.
 *
 * @param firstRecheck shortest wait between two rechecks
 * @param maxRecheck   longest wait between two rechecks; in between, each wait is as long as the
 *                     message has been uncertain so far (the waits double)
 * @param recheckFor   how long rechecks go on before the message becomes a task for a person
 */
@ConfigurationProperties("recouvra.messaging.uncertain")
record UncertainSettings(Duration firstRecheck, Duration maxRecheck, Duration recheckFor) {

    Duration wait(Duration uncertainFor) {
        if (uncertainFor.compareTo(firstRecheck) < 0) {
            return firstRecheck;
        }
        return uncertainFor.compareTo(maxRecheck) > 0 ? maxRecheck : uncertainFor;
    }
}

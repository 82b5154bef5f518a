package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Guessing tokens or passwords: an address that failed too often is refused, others are not. */
class FailedAttemptsTest {

    @Test
    void anAddressIsRefusedOnceItUsedItsFailedAttempts() {
        var attempts = new FailedAttempts(3, Duration.ofMinutes(1));

        attempts.record("203.0.113.7");
        attempts.record("203.0.113.7");
        assertThat(attempts.exhausted("203.0.113.7")).isFalse();

        attempts.record("203.0.113.7");
        assertThat(attempts.exhausted("203.0.113.7")).isTrue();
        assertThat(attempts.exhausted("198.51.100.1")).as("another address").isFalse();
        // one attempt comes back every 20 seconds (3 per minute); the bucket was just emptied, so the wait is close to 20 s
        assertThat(attempts.waitBeforeNextAttempt("203.0.113.7")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(attempts.waitBeforeNextAttempt("198.51.100.1")).isZero();
    }
}

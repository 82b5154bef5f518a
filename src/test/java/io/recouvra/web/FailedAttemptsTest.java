package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guessing tokens: an address that presented too many bad ones is refused, others are not. */
class FailedAttemptsTest {

    @Test
    void anAddressIsRefusedOnceItUsedItsFailedAttempts() {
        var attempts = new FailedAttempts(3);

        attempts.record("203.0.113.7");
        attempts.record("203.0.113.7");
        assertThat(attempts.exhausted("203.0.113.7")).isFalse();

        attempts.record("203.0.113.7");
        assertThat(attempts.exhausted("203.0.113.7")).isTrue();
        assertThat(attempts.exhausted("198.51.100.1")).as("another address").isFalse();
    }
}

package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

@FastTest
class VerifiedCredentialsExpiryTest {

    private static final List<SimpleGrantedAuthority> MANAGERS = List.of(new SimpleGrantedAuthority(RecouvraGroups.MANAGERS));
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void keptForThirtySecondsThenAskedAgain() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        verified.remember("vera", "secret-vera", MANAGERS);

        assertThat(verified.groupsIfVerified("vera", "secret-vera")).isEqualTo(MANAGERS);
        assertThat(new VerifiedCredentials(Duration.ofSeconds(30), Clock.fixed(NOW.plusSeconds(29), ZoneOffset.UTC))
                .groupsIfVerified("vera", "secret-vera")).as("another server's key: nothing to find").isNull();
    }

    @Test
    void anEntryExpires() {
        MovingClock clock = new MovingClock();
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), clock);
        verified.remember("vera", "secret-vera", MANAGERS);

        clock.now = NOW.plusSeconds(29);
        assertThat(verified.groupsIfVerified("vera", "secret-vera")).isEqualTo(MANAGERS);
        clock.now = NOW.plusSeconds(30);
        assertThat(verified.groupsIfVerified("vera", "secret-vera")).isNull();
    }

    @Test
    void onlyTheVerifiedPairMatches() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        verified.remember("vera", "secret-vera", MANAGERS);

        assertThat(verified.groupsIfVerified("vera", "secret-ver")).isNull();
        assertThat(verified.groupsIfVerified("ver", "asecret-vera")).as("user and password are not just glued").isNull();
        assertThat(verified.groupsIfVerified("marc", "secret-vera")).isNull();
    }

    @Test
    void zeroTurnsItOff() {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
        verified.remember("vera", "secret-vera", MANAGERS);

        assertThat(verified.groupsIfVerified("vera", "secret-vera")).isNull();
    }

    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

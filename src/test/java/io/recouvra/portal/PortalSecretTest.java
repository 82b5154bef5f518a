package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The secret that signs the links: required, long enough, generated only for a sandbox run. */
class PortalSecretTest {

    private static PortalSettings withSecret(String secret) {
        return new PortalSettings(true, secret, Duration.ofDays(30), 10);
    }

    @Test
    void withoutASecretThePortalRefusesToStart() {
        assertThatThrownBy(() -> PortalConfiguration.secret(withSecret(""), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RECOUVRA_PORTAL_SECRET");
        assertThatThrownBy(() -> PortalConfiguration.secret(withSecret(null), false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> PortalConfiguration.secret(withSecret("too-short"), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
    }

    @Test
    void theConfiguredSecretSigns() {
        String secret = "a-configured-secret-of-at-least-32-chars";

        assertThat(PortalConfiguration.secret(withSecret(secret), false)).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSandboxRunGetsARandomSecretOfItsOwn() {
        byte[] first = PortalConfiguration.secret(withSecret(null), true);

        assertThat(first).hasSize(32);
        assertThat(PortalConfiguration.secret(withSecret(null), true)).isNotEqualTo(first);
    }
}

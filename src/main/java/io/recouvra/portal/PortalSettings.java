package io.recouvra.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The debtor portal's settings ({@code recouvra.portal.*}). The secret signs every link: it has no default, and
 * the portal refuses to start without one unless Recouvra runs as a sandbox ({@code recouvra.sandbox-run}: the demo, or the zero-setup run).
 *
 * @param secret       the HMAC key of the links ({@code RECOUVRA_PORTAL_SECRET}), at least 32 characters
 * @param linkValidity how long a link in a message opens the portal
 */
@ConfigurationProperties("recouvra.portal")
record PortalSettings(boolean enabled, String secret, @DefaultValue("P30D") Duration linkValidity,
                      @DefaultValue("10") int failedAttemptsPerMinute) {
}

package io.recouvra.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import io.recouvra.web.FailedAttempts;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** The portal exists only when switched on, and then only with a secret to sign its links. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
@EnableConfigurationProperties(PortalSettings.class)
class PortalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PortalConfiguration.class);
    static final int MINIMUM_SECRET_LENGTH = 32;

    @Bean
    PortalTokens portalTokens(PortalSettings settings, @Value("${recouvra.sandbox-run:false}") boolean sandbox, JdbcTemplate jdbc,
                              Clock clock) {
        return new PortalTokens(secret(settings, sandbox), settings, jdbc, clock);
    }

    @Bean
    FailedAttempts portalFailedAttempts(PortalSettings settings) {
        return new FailedAttempts(settings.failedAttemptsPerMinute(), Duration.ofMinutes(1));
    }

    /** Replaces Spring's default resolver (same bean name), which reads only the Accept-Language header. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new PortalLocales();
    }

    static byte[] secret(PortalSettings settings, boolean sandbox) {
        if (StringUtils.hasText(settings.secret())) {
            if (settings.secret().length() < MINIMUM_SECRET_LENGTH) {
                throw new IllegalStateException("recouvra.portal.secret (RECOUVRA_PORTAL_SECRET) must be at least "
                        + MINIMUM_SECRET_LENGTH + " characters");
            }
            return settings.secret().getBytes(StandardCharsets.UTF_8);
        }
        if (!sandbox) {
            throw new IllegalStateException("The debtor portal is enabled but has no secret to sign its links: set "
                    + "RECOUVRA_PORTAL_SECRET (at least " + MINIMUM_SECRET_LENGTH + " random characters)");
        }
        // a sandbox run (the demo, or the zero-setup run), as a sandbox agency: a secret for this run only, so its links stop working at restart
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        log.warn("Sandbox portal: its links are signed with a secret generated for this run (set RECOUVRA_PORTAL_SECRET in production)");
        return secret;
    }
}

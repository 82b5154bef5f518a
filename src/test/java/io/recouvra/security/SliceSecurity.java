package io.recouvra.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's own security for a web slice: both filter chains and the authentication against the
 * engine's users, whose {@code IdentityService} the slice mocks ({@code io.recouvra.support.ApiSliceTest}), every
 * request asking it (the slice turns {@link VerifiedCredentials} off: a mock's users change with no engine command).
 * Lives here because the configuration is package-private, as it should stay.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, EngineIdentityAuthenticationProvider.class, VerifiedCredentials.class})
public class SliceSecurity {
}

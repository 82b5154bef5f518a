package io.recouvra.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks credentials against the engine's identity service (salted hashes, and the engine's own
 * lock-out after repeated failures); the user's groups become its authorities. Credentials verified a
 * moment ago are taken from {@link VerifiedCredentials} without asking the engine again.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final VerifiedCredentials verified;

    EngineIdentityAuthenticationProvider(IdentityService identity, VerifiedCredentials verified) {
        this.identity = identity;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        List<SimpleGrantedAuthority> groups = verified.groupsIfVerified(user, password);
        if (groups == null) {
            if (!identity.checkPassword(user, password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            groups = identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId)
                    .map(SimpleGrantedAuthority::new)
                    .toList();
            verified.remember(user, password, groups);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

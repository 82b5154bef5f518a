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
 * lock-out after repeated failures); the user's groups become its authorities.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    public EngineIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package io.recouvra.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credentials the engine verified a moment ago, with the user's groups, so that an integrator pushing
 * thousands of requests with HTTP Basic does not pay two identity queries and two transactions per request
 * (the salted hash check and the group lookup: 4 of a registration's statements, measured in
 * docs/performance.md).
 *
 * <p>Only successes are kept, for {@code recouvra.security.verified-credentials-for} (30 s by default; 0 turns
 * the cache off), so every failure still reaches the engine (its growing delay) and {@link LoginThrottle}.
 * The password itself is never kept: the key is an HMAC of user and password under a key drawn at start-up
 * and never stored. Any change of a user, a group or a membership made through the engine (a password changed
 * in Admin or the engine REST API, a user deleted, a group taken away) empties the cache on this node, as an
 * engine plugin sees every such command; another node of a cluster forgets its entries within the time above.
 */
@Component
class VerifiedCredentials extends AbstractProcessEnginePlugin {

    /** The engine commands after which a cached credential or group list may be wrong. */
    private static final Set<Class<?>> IDENTITY_CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class,
            UnlockUserCmd.class, CreateMembershipCmd.class, DeleteMembershipCmd.class, SaveGroupCmd.class,
            DeleteGroupCmd.class);

    /** Beyond this many entries (users times passwords tried with success) the cache starts afresh. */
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String user, List<SimpleGrantedAuthority> groups, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Duration keptFor;
    private final Clock clock;
    private final SecretKeySpec key;

    @Autowired
    VerifiedCredentials(@Value("${recouvra.security.verified-credentials-for}") Duration keptFor) {
        this(keptFor, Clock.systemUTC());
    }

    VerifiedCredentials(Duration keptFor, Clock clock) {
        this.keptFor = keptFor;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The groups of a user whose password the engine verified within the last moments, or null. */
    List<SimpleGrantedAuthority> groupsIfVerified(String user, String password) {
        if (keptFor.isZero()) {
            return null;
        }
        String entry = keyOf(user, password);
        Verified found = verified.get(entry);
        if (found == null || !found.user().equals(user)) {
            return null;
        }
        if (!clock.instant().isBefore(found.until())) {
            verified.remove(entry, found);
            return null;
        }
        return found.groups();
    }

    /** The engine has just verified this password. */
    void remember(String user, String password, List<SimpleGrantedAuthority> groups) {
        if (keptFor.isZero()) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(keyOf(user, password), new Verified(user, List.copyOf(groups), clock.instant().plus(keptFor)));
    }

    void forgetAll() {
        verified.clear();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                boolean identityChange = IDENTITY_CHANGES.contains(command.getClass());
                if (identityChange) {
                    forgetAll();
                }
                try {
                    return next.execute(command);
                } finally {
                    // again once the change is visible: a request verified in between must not keep what it made wrong
                    if (identityChange) {
                        forgetAll();
                        forgetAgainAfterCommit();
                    }
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** When the command ran inside a longer transaction, the change is visible to other requests only at its end. */
    private void forgetAgainAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    private String keyOf(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

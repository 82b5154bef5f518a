package io.recouvra.trail;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Who is acting on this thread: the engine's authenticated user (set by the Tasklist webapp and by the
 * engine REST API's Basic filter for the command that completes a task), else the Spring Security
 * principal of a Recouvra API call. Null when nobody is: a timer, a job, a scheduled task, a webhook.
 */
public final class Actors {

    private Actors() {
    }

    public static String current() {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getAuthenticatedUserId() != null) {
            return command.getAuthenticatedUserId();
        }
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (principal != null && principal.isAuthenticated() && !(principal instanceof AnonymousAuthenticationToken)) {
            return principal.getName();
        }
        return null;
    }

    /**
     * Runs the work with {@code actor} as the one acting, for the trail and every service it calls, then puts back
     * whoever was: for work done on someone's behalf on a thread that carries no user of theirs (a debtor on the
     * portal, a provider's webhook booking the debtor's payment). A null actor runs the work as things are.
     */
    public static <T> T as(String actor, Supplier<T> work) {
        if (actor == null) {
            return work.get();
        }
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(new PreAuthenticatedAuthenticationToken(actor, null, List.of())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

package io.recouvra.trail;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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
}

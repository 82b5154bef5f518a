package io.recouvra.security;

import io.recouvra.web.FailedAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-source throttling of staff logins, in front of every door that checks a password: HTTP Basic on Recouvra's API
 * and the engine REST API, and the webapps' login form. A client address whose logins failed too often is refused
 * (429 with Retry-After) without its credentials being checked, so that a guesser neither learns anything nor adds to
 * the failures the engine counts per user, which would keep the user out everywhere. The engine's own lock-out is a
 * backoff that ends by itself (see {@code EngineConfiguration}); this keeps one source from driving it.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private final FailedAttempts failures;

    LoginThrottle(FailedAttempts failures) {
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isLogin(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (failures.exhausted(address)) {
            refuse(response, failures.waitBeforeNextAttempt(address).toSeconds() + 1);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.record(address);
        }
    }

    private static boolean isLogin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/engine-rest/"));
        boolean webappLogin = "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
        return basic || webappLogin;
    }

    private static void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"Too Many Requests","status":429,\
                "detail":"Too many failed logins from this address; try again in %d seconds."}""".formatted(retryAfterSeconds));
    }
}

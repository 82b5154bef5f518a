package io.recouvra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses writes to the APIs that a browser sends on behalf of another site. Browsers remember HTTP
 * Basic credentials once a user has typed them and attach them to every later request, even one a
 * hostile page triggers (a form post or an upload needs no CORS preflight). Such requests carry an
 * Origin or Sec-Fetch-Site header naming the other site; API clients (curl, integrations, Camunda
 * Modeler deploying to /engine-rest) send neither, or their own origin.
 */
final class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SAFE_METHODS.contains(request.getMethod())
                || !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isCrossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"about:blank","title":"Cross-site request refused","status":403,\
                    "detail":"Writes to this API are not accepted from pages of another site."}""");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return UriComponentsBuilder.newInstance()
                .scheme(request.getScheme())
                .host(request.getServerName())
                .port(isDefaultPort(request) ? -1 : request.getServerPort())
                .toUriString();
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return "http".equals(request.getScheme()) && request.getServerPort() == 80
                || "https".equals(request.getScheme()) && request.getServerPort() == 443;
    }
}

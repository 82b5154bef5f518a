package io.recouvra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The refusals no controller answers: Spring Security's 401 and 403, the firewall's rejected URLs, Tomcat's
 * unreadable requests, unknown paths. They reach the error page; under {@code /api} it answers them as
 * application/problem+json like {@link ProblemResponses}, so that an integrator reads every 4xx the same way.
 * Everywhere else (the webapps, the portal) Spring Boot's error page stays as it is.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorResponses extends BasicErrorController {

    ApiErrorResponses(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, server.getError(), errorViewResolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(path instanceof String uri) || !uri.startsWith("/api/")) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && isUnreadableMultipart(failure)) {
            // thrown while Spring MVC reads the parts, before any controller (and its advice) is chosen
            status = HttpStatus.BAD_REQUEST;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        problem.put("instance", uri);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isUnreadableMultipart(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException) {
                return false;
            }
            if (cause instanceof MultipartException) {
                return true;
            }
        }
        return false;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Log in with HTTP Basic, with a Recouvra account.";
            case FORBIDDEN -> "Your account's groups may not do this, or the request came from another site.";
            case NOT_FOUND -> "No such resource in the API; see /api/v1/openapi.";
            case METHOD_NOT_ALLOWED -> "This path does not take this HTTP method; see /api/v1/openapi.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than the server takes.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request's Content-Type is not one this endpoint reads; see /api/v1/openapi.";
            case BAD_REQUEST -> "The request could not be read: its URL, headers or body are malformed.";
            default -> status.is5xxServerError() ? "The request failed on our side; it has been logged for the operators."
                    : status.getReasonPhrase();
        };
    }
}

package io.recouvra.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A dispute's documents above the upload limit: Spring refuses the request while reading it, before any controller
 * is chosen, so only an advice that applies to every controller sees it. The dispute page answers it with a sentence
 * next to its documents; any other request keeps Spring's own answer (413). The form carries its CSRF token in its
 * address too, so that the token is read even though the body is not.
 */
@ControllerAdvice
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class UploadTooLarge {

    private static final Pattern DISPUTES = Pattern.compile("/portal/([^/]+)/disputes");

    private final PortalDisputeController disputes;
    private final DataSize limit;

    UploadTooLarge(PortalDisputeController disputes, @Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
        this.disputes = disputes;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException refused, Model model, HttpServletRequest request, HttpServletResponse response)
            throws MaxUploadSizeExceededException {
        Matcher disputePage = DISPUTES.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !disputePage.matches()) {
            throw refused; // the original exception: Spring goes on with its own answer
        }
        return disputes.tooLarge(disputePage.group(1), request.getParameter("lang"), limit, model, request, response);
    }
}

package io.recouvra.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The application's locale resolver: a portal page speaks the language its controller chose (the debtor's, or the
 * one they switched to); any other request keeps Spring's default, the Accept-Language header.
 */
class PortalLocales extends AcceptHeaderLocaleResolver {

    private static final String CHOSEN = PortalLocales.class.getName() + ".CHOSEN";

    static void use(Locale locale, HttpServletRequest request) {
        request.setAttribute(CHOSEN, locale);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(CHOSEN) instanceof Locale chosen ? chosen : super.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        use(locale, request);
    }
}

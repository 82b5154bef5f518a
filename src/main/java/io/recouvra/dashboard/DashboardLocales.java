package io.recouvra.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's language: French unless the user asked for English, by {@code ?lang=en} (kept in the session until
 * {@code ?lang=fr}) or, without a choice, by a browser whose first language is English. The request's own locale is
 * replaced, so that whichever locale resolver the application has (Accept-Language, the portal's) reads this one.
 */
class DashboardLocales extends OncePerRequestFilter {

    static final Locale FRENCH = Locale.FRANCE;
    static final Locale ENGLISH = Locale.UK;
    private static final String CHOSEN = DashboardLocales.class.getName() + ".CHOSEN";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LocalisedRequest(request, localeOf(request)), response);
    }

    static Locale localeOf(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if ("en".equals(asked) || "fr".equals(asked)) {
            Locale chosen = "en".equals(asked) ? ENGLISH : FRENCH;
            request.getSession().setAttribute(CHOSEN, chosen.getLanguage());
            return chosen;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return "en".equals(chosen) ? ENGLISH : FRENCH;
        }
        boolean browserInEnglish = request.getHeader("Accept-Language") != null
                && request.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
        return browserInEnglish ? ENGLISH : FRENCH;
    }

    private static final class LocalisedRequest extends HttpServletRequestWrapper {

        private final Locale locale;

        LocalisedRequest(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }

        @Override
        public String getHeader(String name) {
            // Spring's Accept-Language resolver reads the header first, then the request's locale
            return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
        }
    }
}

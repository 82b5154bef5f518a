package io.recouvra.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every dashboard page's layout reads: the navigation (the pages this user may open, in order), who is logged
 * in, the language and the formats.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

    /** An entry of the navigation. */
    record NavEntry(String key, String path) {
    }

    private final List<DashboardPage> pages;

    DashboardModel(List<DashboardPage> pages) {
        this.pages = pages.stream().sorted(Comparator.comparingInt(DashboardPage::position)).toList();
    }

    @ModelAttribute("nav")
    List<NavEntry> nav() {
        Set<String> groups = groupsOfCurrentUser();
        return pages.stream().filter(page -> page.openTo().stream().anyMatch(groups::contains))
                .map(page -> new NavEntry(page.key(), page.path())).toList();
    }

    /** Who is logged in; null on the login page and for a refused anonymous request. */
    @ModelAttribute("user")
    String user() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated() ? null : user.getName();
    }

    @ModelAttribute("fmt")
    Formats formats(Locale locale) {
        return new Formats(locale);
    }

    @ModelAttribute("lang")
    String language(Locale locale) {
        return locale.getLanguage();
    }

    /** This page in the other language: the same path and parameters, {@code lang} switched (a path of this site only). */
    @ModelAttribute("otherLanguage")
    String otherLanguage(HttpServletRequest request, Locale locale) {
        String other = locale.getLanguage().equals(Locale.FRENCH.getLanguage()) ? "en" : "fr";
        return UriComponentsBuilder.fromPath(request.getRequestURI().substring(request.getContextPath().length()))
                .query(request.getQueryString()).replaceQueryParam("lang", other).build().toUriString();
    }

    /** The page at or above this path, if it is one of the dashboard's. */
    Optional<DashboardPage> pageAt(String path) {
        return pages.stream().filter(page -> path.equals(page.path()) || path.startsWith(page.path() + "/")).findFirst();
    }

    static Set<String> groupsOfCurrentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return Set.of();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}

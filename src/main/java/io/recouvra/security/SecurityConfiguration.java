package io.recouvra.security;

import static io.recouvra.security.RecouvraGroups.ADMINS;
import static io.recouvra.security.RecouvraGroups.CREDIT_MANAGERS;
import static io.recouvra.security.RecouvraGroups.INTEGRATORS;
import static io.recouvra.security.RecouvraGroups.LEGAL;
import static io.recouvra.security.RecouvraGroups.MANAGERS;

import io.recouvra.web.FailedAttempts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors. Recouvra's own API and the metrics take HTTP Basic against the engine's users and groups (one identity store for Tasklist, Cockpit and the API). The Camunda webapps and the engine
 * REST API authenticate themselves (session login with their own CSRF protection, and the engine's
 * Basic filter), so Spring Security only adds headers there and closes the webapps' first-user setup.
 * Writes to either API from pages of another site are refused ({@link CrossSiteWriteFilter}). The debtor
 * portal's pages are public: the token in their path is checked by the portal itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF_AND_INTEGRATORS;

    static {
        var groups = new ArrayList<>(RecouvraGroups.STAFF);
        // sales and operations answer dispute handlers in Tasklist; the ledger is none of their business
        groups.remove(RecouvraGroups.SALES_OPERATIONS);
        groups.add(INTEGRATORS);
        STAFF_AND_INTEGRATORS = groups.toArray(String[]::new);
    }

    /** Who handles disputes: reads and adds their documents, records a debtor's contest. */
    private static final String[] DISPUTE_STAFF = {RecouvraGroups.DISPUTE_HANDLERS, MANAGERS, CREDIT_MANAGERS, ADMINS, INTEGRATORS};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentityAuthenticationProvider engineIdentity) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authenticationProvider(engineIdentity)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**", "/api/v1/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(MANAGERS, ADMINS)
                        .requestMatchers("/api/v1/disputes/*/attachments/**", "/api/v1/disputes/*/contest")
                        .hasAnyAuthority(DISPUTE_STAFF)
                        // court files name the debtor and its whole history: the legal officers and their managers
                        .requestMatchers(reads("/api/v1/legal-cases/**")).hasAnyAuthority(LEGAL, MANAGERS, ADMINS)
                        .requestMatchers("/api/v1/legal-cases/**").hasAnyAuthority(LEGAL, ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/invoices/*/prescription/acknowledgements")
                        .hasAnyAuthority(LEGAL, CREDIT_MANAGERS, ADMINS)
                        // the accountant's figures: managers and credit managers read them, admins close a month
                        .requestMatchers(reads("/api/v1/write-offs", "/api/v1/write-offs.csv"))
                        .hasAnyAuthority(MANAGERS, CREDIT_MANAGERS, ADMINS)
                        .requestMatchers(reads("/api/v1/provisions/**")).hasAnyAuthority(MANAGERS, CREDIT_MANAGERS, ADMINS)
                        .requestMatchers("/api/v1/provisions/**").hasAuthority(ADMINS)
                        .requestMatchers("/api/v1/admin/**").hasAuthority(ADMINS)
                        // a link forwarded to the wrong person is often heard of on a call: collectors stop it
                        .requestMatchers(HttpMethod.POST, "/api/v1/portal-links/*/revocation",
                                "/api/v1/customers/*/portal-links/revocation")
                        .hasAnyAuthority(RecouvraGroups.COLLECTORS, CREDIT_MANAGERS, MANAGERS, ADMINS, INTEGRATORS)
                        // the opening judgment reaches the legal officers first: they report it as credit managers do
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/insolvency-proceedings",
                                "/api/v1/customers/*/insolvency-proceedings/*/bodacc-publication",
                                "/api/v1/customers/*/insolvency-proceedings/*/conversions",
                                "/api/v1/customers/*/insolvency-proceedings/*/closing",
                                "/api/v1/customers/*/insolvency-proceedings/*/reopening")
                        .hasAnyAuthority(LEGAL, CREDIT_MANAGERS, INTEGRATORS, ADMINS)
                        // a declaration of claims is the legal officers' work; collectors and integrators have no use for it
                        .requestMatchers(reads("/api/v1/insolvency-proceedings/*/declaration",
                                "/api/v1/insolvency-proceedings/*/declaration.pdf", "/api/v1/insolvency-proceedings/*/bundle.zip"))
                        .hasAnyAuthority(LEGAL, MANAGERS, CREDIT_MANAGERS, ADMINS)
                        // an import's report names customers and amounts of a whole file: for those who may import
                        .requestMatchers("/api/v1/imports/**").hasAnyAuthority(INTEGRATORS, CREDIT_MANAGERS, ADMINS)
                        .requestMatchers(reads("/api/**")).hasAnyAuthority(STAFF_AND_INTEGRATORS)
                        .requestMatchers("/api/v1/late-payment-rates/**").hasAuthority(ADMINS)
                        .requestMatchers("/api/v1/insurance/policy").hasAuthority(ADMINS)
                        .requestMatchers("/api/**").hasAnyAuthority(INTEGRATORS, CREDIT_MANAGERS, ADMINS)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Recouvra"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie: the only ambient credential is a browser's cached Basic
                // login, which the cross-site write filter covers instead of CSRF tokens.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                .build();
    }

    /**
     * A HEAD request is a GET without the body: Spring MVC answers it with the GET handler, headers (a CSV's length)
     * included, so it must pass exactly the rules a GET passes.
     */
    private static RequestMatcher[] reads(String... paths) {
        var matchers = PathPatternRequestMatcher.withDefaults();
        return Arrays.stream(paths)
                .flatMap(path -> Stream.of(matchers.matcher(HttpMethod.GET, path), matchers.matcher(HttpMethod.HEAD, path)))
                .toArray(RequestMatcher[]::new);
    }

    /**
     * The debtor portal: public, the token in the path is the credential. Its pages load nothing from elsewhere
     * and send no referrer, so that the token never leaves in a Referer header; forms keep CSRF protection.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // no session to keep a CSRF token in: the double-submit cookie, scoped to the portal, HttpOnly
                .csrf(csrf -> csrf.csrfTokenRepository(portalCsrfTokens()).csrfTokenRequestHandler(eagerCsrfTokens()))
                .addFilterBefore(new CrossSiteWriteFilter(), CsrfFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; img-src 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * The portal's style sheet, apart from the pages: its path is outside the CSRF cookie's ({@code /portal}), so a
     * request for it carries no cookie, and the pages' chain would answer it with a new token that replaces the one
     * the page's forms hold (every form post then refused). Static, so no CSRF token at all; the same headers.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portalAssetsSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/portal-assets/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    private static CookieCsrfTokenRepository portalCsrfTokens() {
        var repository = new CookieCsrfTokenRepository();
        repository.setCookieName("RECOUVRA-PORTAL-CSRF");
        repository.setCookiePath("/portal");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true));
        return repository;
    }

    /** The cookie is written before the page: a deferred token would be set after a long page has been sent. */
    private static XorCsrfTokenRequestAttributeHandler eagerCsrfTokens() {
        var handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }

    /** Before every filter that checks a password: Spring Security's chains, the engine REST API's, the webapps'. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(@Value("${recouvra.security.login-throttle.failures}") int failures,
                                                       @Value("${recouvra.security.login-throttle.window}") Duration window) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(new FailedAttempts(failures, window)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the dashboard's chain ({@code dashboard.DashboardSecurity}, order 3), which has its own session login. */
    @Bean
    @Order(4)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // Users are created by Recouvra at first start; the webapps' setup page stays shut.
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        .anyRequest().permitAll())
                // Webhooks authenticate by the provider's signature over the request, not by a session.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/webhooks/**"))
                .addFilterBefore(new CrossSiteWriteFilter(), CsrfFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                .build();
    }
}

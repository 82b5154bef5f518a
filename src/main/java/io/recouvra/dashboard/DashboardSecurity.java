package io.recouvra.dashboard;

import static io.recouvra.security.RecouvraGroups.ADMINS;
import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.CREDIT_MANAGERS;
import static io.recouvra.security.RecouvraGroups.MANAGERS;

import io.recouvra.security.EngineIdentityAuthenticationProvider;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard's door: a session login of its own ({@code /dashboard/login}) against the engine's users and groups,
 * CSRF on every form (logout included), each page open to the groups it declares, a 403 page that says who may open
 * it. Ordered after the API and portal chains and before the catch-all web chain. Scripts and styles come from this
 * site only: the charts' data travel as JSON in the page, read by a static script.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    /** The book-wide figures: the managers, the credit managers, the admins. */
    static final List<String> MANAGERS_ONLY = List.of(MANAGERS, CREDIT_MANAGERS, ADMINS);
    /** Who may log in at all; a collector sees only the pages open to collectors, with her own figures. */
    static final List<String> EVERY_READER = List.of(MANAGERS, CREDIT_MANAGERS, ADMINS, COLLECTORS);

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(3)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http, EngineIdentityAuthenticationProvider engineIdentity,
                                          List<DashboardPage> pages) throws Exception {
        return http
                .securityMatcher("/dashboard", "/dashboard/**")
                .authenticationProvider(engineIdentity)
                .authorizeHttpRequests(requests -> {
                    // the 403 page names groups, nothing else: a form refused for its missing CSRF token lands there too
                    requests.requestMatchers("/dashboard/login", "/dashboard/forbidden").permitAll();
                    // taking a month's snapshot by hand changes what managers read: admins only
                    requests.requestMatchers(HttpMethod.POST, "/dashboard/portfolio/snapshots/**").hasAuthority(ADMINS);
                    for (DashboardPage page : pages) {
                        requests.requestMatchers(page.path(), page.path() + "/**").hasAnyAuthority(page.openTo().toArray(String[]::new));
                    }
                    requests.requestMatchers("/dashboard").hasAnyAuthority(EVERY_READER.toArray(String[]::new));
                    requests.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/dashboard/login").defaultSuccessUrl("/dashboard", false)
                        .failureUrl("/dashboard/login?error"))
                .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl("/dashboard/login?logout"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/dashboard/forbidden"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}

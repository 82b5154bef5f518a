package io.recouvra.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The dashboard's language filter, before everything else (security included, so that the login page speaks it). */
@Configuration(proxyBeanMethods = false)
class DashboardWeb {

    @Bean
    FilterRegistrationBean<DashboardLocales> dashboardLocales() {
        var registration = new FilterRegistrationBean<>(new DashboardLocales());
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

package io.recouvra.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Invoice and credit note numbers are the companies' own, and real ones hold {@code /} ({@code F/2026/001}) or
 * {@code %}: in a URL they are encoded ({@code /api/v1/invoices/F%2F2026%2F001}), and must reach the controller
 * as one path variable. Tomcat refuses an encoded slash by default, and Spring Security's firewall an encoded
 * slash or percent; here Tomcat passes {@code %2F} through undecoded, so the path keeps its segments, and Spring
 * MVC decodes each segment on its own (its path patterns), as do the security rules that match by path. A
 * decoded {@code /../} is still refused, so an encoded slash cannot walk to another path.
 */
@Configuration(proxyBeanMethods = false)
class NumbersInPaths {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}

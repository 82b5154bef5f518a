package io.recouvra.onlinepayment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe is offered once its keys are in the environment. The sandbox, which books payments nobody made, only when
 * asked for ({@code recouvra.payments.sandbox}, on by default in a sandbox run, {@code recouvra.sandbox-run}: the demo, or the zero-setup run).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeSettings.class)
class OnlinePaymentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OnlinePaymentConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${recouvra.payments.stripe.secret-key:}' != ''")
    PaymentProvider stripePaymentProvider(StripeSettings settings) {
        return new StripePaymentProvider(settings);
    }

    @Bean
    @ConditionalOnProperty(name = "recouvra.payments.sandbox", havingValue = "true")
    SandboxPaymentProvider sandboxPaymentProvider() {
        log.warn("Sandbox payments are on: the portal's 'pay online' opens a simulation, and a click on 'payment succeeds' "
                + "books a payment nobody made (set RECOUVRA_PAYMENTS_SANDBOX=false and Stripe's keys in production)");
        return new SandboxPaymentProvider();
    }
}

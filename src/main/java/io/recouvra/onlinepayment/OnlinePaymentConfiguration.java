package io.recouvra.onlinepayment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe is offered once its keys are in the environment; without them no Stripe checkout is possible. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeSettings.class)
class OnlinePaymentConfiguration {

    @Bean
    @ConditionalOnExpression("'${recouvra.payments.stripe.secret-key:}' != ''")
    PaymentProvider stripePaymentProvider(StripeSettings settings) {
        return new StripePaymentProvider(settings);
    }
}

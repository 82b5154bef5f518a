package io.recouvra.messaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Creditor.class, CreditorIdentity.class})
class MessagingConfiguration {
}

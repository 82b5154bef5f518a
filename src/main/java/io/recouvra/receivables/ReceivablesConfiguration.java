package io.recouvra.receivables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(Vat.class)
class ReceivablesConfiguration {
}

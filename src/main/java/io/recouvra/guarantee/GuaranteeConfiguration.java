package io.recouvra.guarantee;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuaranteeSettings.class)
class GuaranteeConfiguration {
}

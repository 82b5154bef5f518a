package io.recouvra.insurance;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class InsuranceConfiguration {

    @Bean
    @ConditionalOnProperty(name = "recouvra.insurance.insurer.adapter", havingValue = "sandbox", matchIfMissing = true)
    SandboxCreditInsurer sandboxInsurer(Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        return new SandboxCreditInsurer(clock, zone);
    }

    /** The insurer's API (RECOUVRA_INSURER_URL, RECOUVRA_INSURER_API_KEY sent as X-Api-Key). */
    @Bean
    @ConditionalOnProperty(name = "recouvra.insurance.insurer.adapter", havingValue = "http")
    CreditInsurer httpInsurer(@Value("${recouvra.insurance.insurer.base-url}") String baseUrl,
                              @Value("${recouvra.insurance.insurer.api-key}") String apiKey,
                              @Value("${recouvra.insurance.insurer.timeout}") Duration timeout) {
        if (!StringUtils.hasText(baseUrl) || !StringUtils.hasText(apiKey)) {
            throw new IllegalStateException("The credit insurer needs RECOUVRA_INSURER_URL and RECOUVRA_INSURER_API_KEY");
        }
        return new HttpCreditInsurer(client(baseUrl, apiKey, timeout));
    }

    static RestClient client(String baseUrl, String apiKey, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).defaultHeader("X-Api-Key", apiKey).build();
    }
}

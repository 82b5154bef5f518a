package io.recouvra.scoring;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringSettings.class)
class ScoringConfiguration {

    @Bean
    @ConditionalOnProperty(name = "recouvra.scoring.bureau.adapter", havingValue = "sandbox", matchIfMissing = true)
    CreditBureau sandboxBureau(Clock clock) {
        return new SandboxCreditBureau(clock);
    }

    /** The bureau's company-report API (RECOUVRA_BUREAU_URL, RECOUVRA_BUREAU_API_KEY, sent as X-Api-Key). */
    @Bean
    @ConditionalOnProperty(name = "recouvra.scoring.bureau.adapter", havingValue = "http")
    CreditBureau httpBureau(@Value("${recouvra.scoring.bureau.base-url}") String baseUrl,
                            @Value("${recouvra.scoring.bureau.api-key}") String apiKey,
                            @Value("${recouvra.scoring.bureau.timeout}") Duration timeout,
                            @Value("${recouvra.scoring.bureau.attempts}") int attempts) {
        if (!StringUtils.hasText(baseUrl) || !StringUtils.hasText(apiKey)) {
            throw new IllegalStateException("The credit bureau needs RECOUVRA_BUREAU_URL and RECOUVRA_BUREAU_API_KEY");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return new HttpCreditBureau(RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeader("X-Api-Key", apiKey).build(), attempts, Duration.ofSeconds(1));
    }
}

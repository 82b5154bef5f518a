package io.recouvra.agency;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.recouvra.agency.AgencySettings.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencySettings.class)
@EnableScheduling
class AgencyConfiguration {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** Each agency reached the way its configuration says: its API, a drop folder, or the sandbox. */
    @Bean
    CollectionAgencies collectionAgencies(AgencySettings settings) {
        return new CollectionAgencies(settings, Map.of(
                Transport.HTTP, agency -> new HttpCollectionAgency(agency.id(), client(agency.baseUrl(), agency.apiKey(),
                        agency.timeout() == null ? DEFAULT_TIMEOUT : agency.timeout())),
                Transport.FILE, agency -> new FileExportCollectionAgency(Path.of(agency.dropFolder())),
                Transport.SANDBOX, agency -> new SandboxCollectionAgency(agency.id())));
    }

    /** Dates and instants go out as ISO-8601 text, what an agency's API reads, whatever Jackson's defaults. */
    static RestClient client(String baseUrl, String apiKey, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        MappingJackson2HttpMessageConverter json = new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build());
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).defaultHeader("X-Api-Key", apiKey)
                .messageConverters(converters -> {
                    converters.removeIf(MappingJackson2HttpMessageConverter.class::isInstance);
                    converters.add(json);
                })
                .build();
    }
}

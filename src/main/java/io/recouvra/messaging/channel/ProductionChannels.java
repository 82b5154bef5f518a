package io.recouvra.messaging.channel;

import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioSettings.class)
class ProductionChannels {

    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.sms.adapter", havingValue = "twilio")
    ChannelAdapter twilioSms(TwilioSettings twilio, @Value("${recouvra.public-url}") String publicUrl, Clock clock) {
        twilio.requireComplete();
        if (!"https".equals(twilio.apiBaseUrl().getScheme())) {
            throw new IllegalStateException("RECOUVRA_TWILIO_API_BASE_URL must be https: it receives the auth token");
        }
        TwilioRestClient client = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new SingleAttemptTwilioHttpClient(twilio.apiBaseUrl(), twilio.timeout()))
                .build();
        return new TwilioSmsChannel(client, twilio.messagingServiceSid(), URI.create(publicUrl + TwilioSmsChannel.STATUS_CALLBACK_PATH),
                clock);
    }

    /** Registered letters through a postal API (RECOUVRA_POSTAL_API_URL, RECOUVRA_POSTAL_API_KEY). */
    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.letter.adapter", havingValue = "postal")
    ChannelAdapter postalLetters(@Value("${recouvra.messaging.letter.postal.base-url}") String baseUrl,
                                 @Value("${recouvra.messaging.letter.postal.api-key}") String apiKey,
                                 @Value("${recouvra.messaging.letter.postal.timeout}") Duration timeout) {
        if (!StringUtils.hasText(baseUrl) || !StringUtils.hasText(apiKey)) {
            throw new IllegalStateException("Registered letters need RECOUVRA_POSTAL_API_URL and RECOUVRA_POSTAL_API_KEY");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return new PostalLetterChannel(RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + apiKey).build());
    }

    /** SMTP server from Spring Boot's {@code spring.mail.*} (SPRING_MAIL_HOST, SPRING_MAIL_PORT, ...). */
    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.email.adapter", havingValue = "smtp")
    ChannelAdapter smtpEmail(JavaMailSenderImpl mail, @Value("${recouvra.messaging.email.from}") String from) {
        return new SmtpEmailChannel(mail, from);
    }
}

package io.recouvra.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class ProductionChannels {

    /** SMTP server from Spring Boot's {@code spring.mail.*} (SPRING_MAIL_HOST, SPRING_MAIL_PORT, ...). */
    @Bean
    @ConditionalOnProperty(name = "recouvra.messaging.email.adapter", havingValue = "smtp")
    ChannelAdapter smtpEmail(JavaMailSender mail, @Value("${recouvra.messaging.email.from}") String from) {
        return new SmtpEmailChannel(mail, from);
    }
}

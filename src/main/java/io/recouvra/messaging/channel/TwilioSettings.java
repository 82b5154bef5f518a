package io.recouvra.messaging.channel;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * @param accountSid          the Twilio account (AC...)
 * @param authToken           its auth token: authenticates our calls and signs Twilio's webhooks
 * @param messagingServiceSid the Messaging Service (MG...) that owns the sender numbers and the opt-out handling
 * @param apiBaseUrl          Twilio's API, or a Twilio-speaking server in front of it
 * @param timeout             how long one call may wait for Twilio's answer
 */
@ConfigurationProperties("recouvra.messaging.sms.twilio")
public record TwilioSettings(String accountSid, String authToken, String messagingServiceSid, URI apiBaseUrl, Duration timeout) {

    void requireComplete() {
        require(accountSid, "RECOUVRA_TWILIO_ACCOUNT_SID");
        require(authToken, "RECOUVRA_TWILIO_AUTH_TOKEN");
        require(messagingServiceSid, "RECOUVRA_TWILIO_MESSAGING_SERVICE_SID");
    }

    private static void require(String value, String variable) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException("SMS through Twilio needs " + variable);
        }
    }
}

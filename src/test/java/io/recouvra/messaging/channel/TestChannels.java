package io.recouvra.messaging.channel;

import com.twilio.http.TwilioRestClient;
import io.recouvra.messaging.Channel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The channel adapters, built by hand for tests of the outbox that put a real, failing provider behind
 * one channel. Production builds them from configuration ({@link ProductionChannels}, {@link SandboxChannels}).
 */
public final class TestChannels {

    private TestChannels() {
    }

    public static ChannelAdapter smtp(JavaMailSenderImpl sender, String from) {
        return new SmtpEmailChannel(sender, from);
    }

    public static ChannelAdapter sandbox(Channel channel) {
        return new SandboxChannels.Sandbox(channel);
    }

    /** Twilio at {@code baseUrl}, one attempt per call, waiting at most {@code timeout} for an answer. */
    public static ChannelAdapter twilioSms(String account, String messagingService, URI baseUrl, Duration timeout,
                                           Clock clock) {
        TwilioRestClient client = new TwilioRestClient.Builder(account, "token")
                .httpClient(new SingleAttemptTwilioHttpClient(baseUrl, timeout)).build();
        return new TwilioSmsChannel(client, messagingService, URI.create("https://recouvra.example/webhooks/twilio/status"),
                clock);
    }
}

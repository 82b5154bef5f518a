package io.recouvra.messaging.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.twilio.http.TwilioRestClient;
import io.recouvra.messaging.Channel;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real Twilio SDK, made single-attempt, against a local server that answers as Twilio does. */
class TwilioSmsChannelTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String SERVICE = "MG00000000000000000000000000000001";

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final OutboundMessage reminder = new OutboundMessage(UUID.randomUUID(), Channel.SMS, "+33612345678", null,
            "Recouvra Demo SAS : facture F-1 impayée. Payer : https://recouvra.example/p/F-1", null);

    @Test
    void aMessageAcceptedByTwilioIsSentWithItsSidThroughTheMessagingServiceWithAStatusCallback() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM0000000000000000000000000000000a\", \"status\": \"accepted\", \"to\": \"+33612345678\"}")));

        SendOutcome outcome = channel(Duration.ofSeconds(5)).send(reminder);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("SM0000000000000000000000000000000a"));
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("MessagingServiceSid=" + SERVICE))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("To=%2B33612345678"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "StatusCallback=https%3A%2F%2Frecouvra.example%2Fwebhooks%2Ftwilio%2Fstatus"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "token")));
    }

    @Test
    void aServerErrorIsOnePostAndAnUncertainOutcome() {
        for (int status : new int[] {500, 503}) {
            twilio.resetAll();
            twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": " + status + "}")));

            SendOutcome outcome = channel(Duration.ofSeconds(5)).send(reminder);

            assertThat(outcome).as("status " + status).isInstanceOf(SendOutcome.Unknown.class);
            twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
        }
    }

    @Test
    void aTimeoutIsOnePostAndAnUncertainOutcome() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)
                .withBody("{\"sid\": \"SMlate\"}")));

        SendOutcome outcome = channel(Duration.ofMillis(500)).send(reminder);

        assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void anOptedOutNumberIsAPermanentFailure() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\","
                        + " \"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}")));

        SendOutcome outcome = channel(Duration.ofSeconds(5)).send(reminder);

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo("21610");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void aRateLimitIsTemporary() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}")));

        assertThat(channel(Duration.ofSeconds(5)).send(reminder)).isInstanceOf(SendOutcome.TemporaryFailure.class);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void twilioOutOfReachIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsChannel channel = channel(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

        assertThat(channel.send(reminder)).isInstanceOf(SendOutcome.TemporaryFailure.class);
    }

    @Test
    void anUncertainSendIsReconciledFromTheMessagesTwilioHolds() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo("+33612345678"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"messages": [
                          {"sid": "SMother", "body": "another text", "to": "+33612345678"},
                          {"sid": "SMmine", "body": "%s", "to": "+33612345678"}],
                         "page": 0, "page_size": 50, "first_page_uri": "%s", "next_page_uri": null,
                         "previous_page_uri": null, "uri": "%s", "start": 0, "end": 1}
                        """.formatted(reminder.text(), MESSAGES, MESSAGES))));

        assertThat(channel(Duration.ofSeconds(5)).reconcile(reminder)).isEqualTo(new SendOutcome.Sent("SMmine"));

        OutboundMessage neverSent = new OutboundMessage(UUID.randomUUID(), Channel.SMS, "+33612345678", null, "not there", null);
        assertThat(channel(Duration.ofSeconds(5)).reconcile(neverSent)).isInstanceOf(SendOutcome.TemporaryFailure.class);
    }

    @Test
    void aKnownSidIsFetchedAndAMessageTwilioDoesNotHaveIsCertainlyNotSent() {
        String sid = "SM0000000000000000000000000000000b";
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"delivered\", \"to\": \"+33612345678\"}")));
        String missing = "SM0000000000000000000000000000000c";
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + missing + ".json"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}")));

        assertThat(channel(Duration.ofSeconds(5)).reconcile(reminder, null, sid)).isEqualTo(new SendOutcome.Sent(sid));
        assertThat(channel(Duration.ofSeconds(5)).reconcile(reminder, null, missing))
                .isInstanceOf(SendOutcome.TemporaryFailure.class);
    }

    /** A recheck a day later still finds the message: the window starts at the attempt, not at the recheck. */
    @Test
    void aRecheckLooksForMessagesCreatedSinceTheAttempt() {
        Instant attempt = Instant.parse("2026-11-25T09:00:00Z");
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo("+33612345678"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"messages": [
                          {"sid": "SMolder", "body": "%s", "to": "+33612345678", "date_created": "Mon, 23 Nov 2026 09:00:00 +0000"},
                          {"sid": "SMmine", "body": "%s", "to": "+33612345678", "date_created": "Wed, 25 Nov 2026 09:00:01 +0000"}],
                         "page": 0, "page_size": 50, "first_page_uri": "%s", "next_page_uri": null,
                         "previous_page_uri": null, "uri": "%s", "start": 0, "end": 1}
                        """.formatted(reminder.text(), reminder.text(), MESSAGES, MESSAGES))));
        TwilioSmsChannel aDayLater = new TwilioSmsChannel(new TwilioRestClient.Builder(ACCOUNT, "token")
                .httpClient(new SingleAttemptTwilioHttpClient(URI.create(twilio.baseUrl()), Duration.ofSeconds(5))).build(),
                SERVICE, URI.create("https://recouvra.example/webhooks/twilio/status"),
                Clock.fixed(attempt.plus(Duration.ofDays(1)), ZoneOffset.UTC));

        assertThat(aDayLater.reconcile(reminder, attempt, null)).isEqualTo(new SendOutcome.Sent("SMmine"));
        assertThat(aDayLater.reconcile(reminder, attempt.plus(Duration.ofDays(3)), null))
                .as("only earlier reminders with the same words").isInstanceOf(SendOutcome.TemporaryFailure.class);
    }

    private TwilioSmsChannel channel(Duration timeout) {
        return channel(URI.create(twilio.baseUrl()), timeout);
    }

    private static TwilioSmsChannel channel(URI baseUrl, Duration timeout) {
        TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT, "token")
                .httpClient(new SingleAttemptTwilioHttpClient(baseUrl, timeout))
                .build();
        return new TwilioSmsChannel(client, SERVICE, URI.create("https://recouvra.example/webhooks/twilio/status"),
                Clock.systemUTC());
    }
}

package io.recouvra.messaging.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.recouvra.messaging.Channel;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * SMS through Twilio's Messaging Service, with a status callback for delivery reports. One attempt
 * per call ({@link SingleAttemptTwilioHttpClient}); what Twilio answers decides the outcome:
 * opted-out, invalid or non-mobile numbers are permanent; a 5xx or a read timeout may have created
 * the message, so it is reconciled by reading the messages Twilio holds for that number.
 */
public class TwilioSmsChannel implements ChannelAdapter {

    /**
     * 21610 unsubscribed recipient (STOP), 21211 invalid 'To', 21614 not a mobile number, 21612
     * unreachable, 21408 our account may not send to that region (permanent for this number too).
     */
    static final Set<Integer> PERMANENT_ERRORS = Set.of(21610, 21211, 21614, 21612, 21408);
    public static final int OPTED_OUT = 21610;

    /** Where Twilio reports what became of each message (webhook.TwilioWebhooks answers there). */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    /** Longer than any lease plus reconciliation delay; shorter than the gap between two reminders. */
    static final Duration RECONCILE_WINDOW = Duration.ofHours(6);

    /** Twilio's clock and ours may differ a little: its date_created can be slightly before our attempt. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final TwilioRestClient client;
    private final String messagingServiceSid;
    private final URI statusCallback;
    private final Clock clock;

    TwilioSmsChannel(TwilioRestClient client, String messagingServiceSid, URI statusCallback, Clock clock) {
        this.client = client;
        this.messagingServiceSid = messagingServiceSid;
        this.statusCallback = statusCallback;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        try {
            Message sent = Message.creator(new PhoneNumber(message.recipient()), messagingServiceSid, message.text())
                    .setStatusCallback(statusCallback)
                    .create(client);
            return new SendOutcome.Sent(sent.getSid());
        } catch (ApiException e) {
            return classify(e);
        } catch (ApiConnectionException e) {
            return isBeforeSending(e)
                    ? new SendOutcome.TemporaryFailure("Twilio unreachable: " + e.getMessage())
                    : new SendOutcome.Unknown("no answer from Twilio: " + e.getMessage());
        }
    }

    /**
     * Twilio holds what it accepted: a message to this number with this text, created within the last
     * {@link #RECONCILE_WINDOW}, means it was sent. (Older ones are earlier reminders with the same words.)
     */
    @Override
    public SendOutcome reconcile(OutboundMessage message) {
        return reconcile(message, null, null);
    }

    /**
     * With its SID, the message is fetched (Twilio answers 404 for a SID it does not have). Without one,
     * Twilio's messages to the number created since shortly before the attempt are read for the same text.
     */
    @Override
    public SendOutcome reconcile(OutboundMessage message, Instant attemptedAt, String providerId) {
        try {
            if (providerId != null && providerId.startsWith("SM")) {
                return fetch(providerId);
            }
            ZonedDateTime since = attemptedAt == null ? ZonedDateTime.now(clock).minus(RECONCILE_WINDOW)
                    : attemptedAt.minus(CLOCK_SKEW).atZone(ZoneOffset.UTC);
            for (Message held : Message.reader().setTo(new PhoneNumber(message.recipient())).limit(50).read(client)) {
                boolean recent = held.getDateCreated() == null || !held.getDateCreated().isBefore(since);
                if (recent && message.text().equals(held.getBody())) {
                    return new SendOutcome.Sent(held.getSid());
                }
            }
            return new SendOutcome.TemporaryFailure("Twilio has no such message to " + message.recipient());
        } catch (ApiException | ApiConnectionException e) {
            return new SendOutcome.Unknown("cannot read Twilio's messages: " + e.getMessage());
        }
    }

    private SendOutcome fetch(String sid) {
        try {
            Message held = Message.fetcher(sid).fetch(client);
            return new SendOutcome.Sent(held.getSid());
        } catch (ApiException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                return new SendOutcome.TemporaryFailure("Twilio has no message " + sid);
            }
            throw e;
        }
    }

    private static SendOutcome classify(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        if (status == null) {
            // no HTTP answer: the SDK wraps the I/O failure
            return isBeforeSending(e)
                    ? new SendOutcome.TemporaryFailure("Twilio unreachable: " + e.getMessage())
                    : new SendOutcome.Unknown("no answer from Twilio: " + e.getMessage());
        }
        if (code != null && PERMANENT_ERRORS.contains(code)) {
            return new SendOutcome.PermanentFailure(String.valueOf(code), e.getMessage());
        }
        if (status >= 500) {
            return new SendOutcome.Unknown("Twilio answered " + status + ": " + e.getMessage());
        }
        if (status == 429 || status == 401 || status == 403) {
            return new SendOutcome.TemporaryFailure("Twilio answered " + status + " (" + code + "): " + e.getMessage());
        }
        return new SendOutcome.PermanentFailure(code == null ? String.valueOf(status) : String.valueOf(code), e.getMessage());
    }

    private static boolean isBeforeSending(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}

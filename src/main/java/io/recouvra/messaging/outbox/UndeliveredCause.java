package io.recouvra.messaging.outbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every cause the collectors' "could not be delivered" task can give for a channel ({@link UndeliverableMessages}), each
 * written in the team's language in {@code tasklist/messages.properties} (French) and {@code messages_en.properties}
 * (English), under {@link #key()}. The arguments are what the row recorded (the provider's answer, the template
 * named, the debtor's opt-out): shown as they are, never translated.
 */
enum UndeliveredCause {

    /** {0} the attempts made, {1} the provider's last error. */
    GAVE_UP,
    /** {0} Twilio's error code, {1} what it means to a collector, {2} Twilio's own words or when it was said. */
    TWILIO_REFUSED,
    /** What an error code this enum does not explain means: {0} the code, for Twilio's page on it. */
    TWILIO_OTHER_ERROR,
    /** Instead of Twilio's words when its delivery report, after sending, said the SMS failed. */
    TWILIO_REPORTED_AFTER_SENDING,
    /** The provider's delivery report said undelivered, and no more. */
    UNDELIVERED_UNEXPLAINED,
    /** {0} the provider's words. */
    UNDELIVERED,
    /** {0} which template is missing. */
    NO_TEMPLATE,
    /** {0} why the message could not be written. */
    COMPOSE_FAILED,
    NO_RECIPIENT_EMAIL,
    NO_RECIPIENT_SMS,
    NO_RECIPIENT_LETTER,
    /** {0} the opt-out as recorded. */
    OPTED_OUT,
    /** {0} the mail server's reply. */
    RECIPIENT_REFUSED,
    /** {0} why the email could not be built. */
    INVALID_MESSAGE,
    /** {0} the HTTP status, {1} the postal service's answer. */
    POSTAL_SERVICE_REFUSED,
    /** A code nobody explained: {0} the code in words, {1} the reason recorded with it. */
    OTHER,

    // Twilio's error codes a collector meets (twilio.com/docs/api/errors), in words she can act on
    TWILIO_21211("21211"),
    TWILIO_21408("21408"),
    TWILIO_21610("21610"),
    TWILIO_21612("21612"),
    TWILIO_21614("21614"),
    TWILIO_30003("30003"),
    TWILIO_30005("30005"),
    TWILIO_30006("30006"),
    TWILIO_30007("30007"),
    TWILIO_30008("30008");

    /** Where the texts are: the prefix of their keys in the application's {@code MessageSource}. */
    static final String KEY_PREFIX = "undeliverable.cause.";

    private final String twilioCode;

    UndeliveredCause() {
        this(null);
    }

    UndeliveredCause(String twilioCode) {
        this.twilioCode = twilioCode;
    }

    String key() {
        return KEY_PREFIX + name();
    }

    /** What a Twilio error code means, when this enum explains it. */
    static Optional<UndeliveredCause> twilio(String code) {
        return Arrays.stream(values()).filter(cause -> code.equals(cause.twilioCode)).findFirst();
    }
}

package io.recouvra.onlinepayment;

/** A webhook call that the provider did not sign, or whose signature does not match its body. */
public class ForgedWebhookException extends RuntimeException {

    public ForgedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }

    public ForgedWebhookException(String message) {
        super(message);
    }
}

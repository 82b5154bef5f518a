package io.recouvra.onlinepayment;

/** The provider could not open a checkout (down, or it refused the request): the debtor may try again later. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

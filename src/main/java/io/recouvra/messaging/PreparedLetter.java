package io.recouvra.messaging;

import java.util.Objects;

/**
 * A registered letter another feature wrote itself, to someone who is not the debtor (a guarantor, a bank): the outbox
 * sends it as it is, once, and keeps it as evidence like every letter.
 *
 * @param recipient the name and the postal address, one line per line
 * @param subject   what the trail and the outbox list call it
 * @param pdf       the letter
 */
public record PreparedLetter(String recipient, String subject, byte[] pdf) {

    public PreparedLetter {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(pdf, "pdf");
    }
}

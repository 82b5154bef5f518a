package io.recouvra.scoring;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The promises to pay a customer made, for its score. Answered by the module that takes promises on calls (it
 * depends on scoring, so scoring asks through this port rather than calling it).
 */
public interface PromiseRecord {

    /** Promises due since a day, and how many of them were broken. */
    record Promises(long made, long broken) {
    }

    /** The customer's promises whose promised date is on or after {@code since}. */
    Promises dueSince(UUID customerId, LocalDate since);
}

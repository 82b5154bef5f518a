package io.recouvra.scoring;

import java.util.UUID;

/** A customer's risk got worse; published for the credit review to take up. */
public record EarlyWarningRaised(UUID customerId, String signs) {

    /** How the note an early warning leaves on the customer's trail begins. */
    public static final String NOTE_PREFIX = "Early warning: ";
}

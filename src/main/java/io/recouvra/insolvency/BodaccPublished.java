package io.recouvra.insolvency;

import java.time.LocalDate;
import java.util.UUID;

/** The opening judgment was published in the BODACC on that day: the deadline to declare claims runs from it. */
public record BodaccPublished(UUID proceedingsId, UUID customerId, LocalDate publishedOn) {
}

package io.recouvra.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One injunction case of one invoice, as far as it has gone. Amounts in the invoice's currency. */
record LegalCase(UUID id, UUID invoiceId, String invoiceNumber, UUID customerId, Stage stage, String courtName,
                 String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnity, BigDecimal otherCosts,
                 BigDecimal totalClaimed, LocalDate interestAsOf, String sentBackReason, LocalDate filedOn,
                 String courtReference, String decision, LocalDate orderDate, BigDecimal amountGranted, LocalDate servedOn,
                 String commissaireDeJustice, LocalDate oppositionFiledOn, LocalDate oppositionWindowEnds,
                 LocalDate hearingDate, LocalDate formulaAffixedOn, LocalDate enforcementInstructedOn,
                 String enforcementOutcome, BigDecimal amountRecovered, String outcome, String outcomeReason,
                 ServiceMode serviceMode, LocalDate personalNoticeOn, LocalDate assetsUnavailableOn) {

    enum Stage { PREPARING, IN_REVIEW, APPROVED, FILED, ORDER_GRANTED, SERVED, OPPOSED, ENFORCEABLE, ENFORCING, ENDED }

    /**
     * How the commissaire de justice served the order (articles 654 to 659 CPC). Only service to the
     * debtor in person (for a company: to its legal representative or a person empowered to receive it,
     * art. 654) closes the opposition window one month later (art. 1416 para. 1).
     */
    enum ServiceMode { PERSON, DOMICILE, ETUDE, SEARCH_REPORT }

    boolean filed() {
        return filedOn != null;
    }
}

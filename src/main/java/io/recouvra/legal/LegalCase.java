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
                 String enforcementOutcome, BigDecimal amountRecovered, String outcome, String outcomeReason) {

    enum Stage { PREPARING, IN_REVIEW, APPROVED, FILED, ORDER_GRANTED, SERVED, OPPOSED, ENFORCEABLE, ENFORCING, ENDED }

    boolean filed() {
        return filedOn != null;
    }
}

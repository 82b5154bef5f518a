package io.recouvra.insurance;

/**
 * An invoice's CreditInsuranceClaim is over, whatever way: not declared, indemnified or refused. The insurer
 * does not hold the invoice any more; what it did not pay is the creditor's to recover (its indemnity is
 * its own to recover from the debtor). Published in the transaction of the claim's last step.
 */
public record InsuranceClaimEnded(String invoiceNumber) {
}

package io.recouvra.agency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A collection agency, as Recouvra talks to it: hand over a case, tell it of money the creditor received
 * directly, recall a case. The agency answers later through its signed status webhook. Every call may be
 * repeated (a retried job): implementations make it idempotent with the case id.
 */
interface CollectionAgency {

    /** @return the agency's own reference for the case */
    String transfer(CaseFile file);

    /** The debtor paid the creditor directly: the agency lowers what it claims. */
    void reportDirectPayment(String agencyReference, CaseFile.Reference reference, BigDecimal amount, String currency, LocalDate paidOn);

    /** The mandate is withdrawn (expired, paid, written off): the agency stops working the case. */
    void recall(String agencyReference, CaseFile.Reference reference, String reason);

    /** The agency could not be reached or failed: the job is retried, then raises an incident. */
    class AgencyUnavailable extends RuntimeException {
        AgencyUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

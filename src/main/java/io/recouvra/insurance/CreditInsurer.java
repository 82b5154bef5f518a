package io.recouvra.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The credit insurer, as its buyer-limit and overdue APIs see things: a limit per buyer (requested,
 * then decided), the overdue notice that keeps the cover, an extension of a due date, the claim and
 * its indemnity, and the payments received after a declaration.
 *
 * <p>A refusal (the insurer read the request and said no) is an {@link InsurerRefusal}; an insurer that
 * cannot be reached or answers with an error is an {@link InsurerUnavailable}, to be tried again.
 */
public interface CreditInsurer {

    /** The buyer as the insurer identifies it: its registration number (SIREN in France). */
    record Buyer(String registrationNumber, String name, String country) {
    }

    enum CoverStatus { REQUESTED, APPROVED, REDUCED, WITHDRAWN, REFUSED }

    record CoverDecision(CoverStatus status, BigDecimal amount, String currency, LocalDate validFrom, LocalDate validTo,
                         String reference) {
    }

    record OverdueNotice(Buyer buyer, String invoiceNumber, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
                         BigDecimal outstanding, String currency) {
    }

    record ExtensionDecision(boolean granted, LocalDate until, String reason) {
    }

    /**
     * Insolvency proceedings opened against the buyer by a court's judgment: the kind (SAFEGUARD, RECEIVERSHIP,
     * LIQUIDATION), the opening judgment's day, the court and the court-appointed representative (either may be
     * unknown: null).
     */
    record InsolvencyNotice(String kind, LocalDate judgmentDate, String court, String representative) {
    }

    enum ClaimStatus { PENDING, INDEMNIFIED, REFUSED }

    record ClaimDecision(ClaimStatus status, BigDecimal indemnity, LocalDate paidOn, String reason) {
    }

    CoverDecision requestLimit(String policyNumber, Buyer buyer, BigDecimal amount, String currency);

    /** The insurer's current decision on the buyer; empty when it has none. */
    Optional<CoverDecision> cover(String policyNumber, Buyer buyer);

    /** Declares an overdue; returns the insurer's reference. Sent at most once per invoice (idempotency key). */
    String declareOverdue(String policyNumber, OverdueNotice notice);

    ExtensionDecision requestExtension(String policyNumber, Buyer buyer, String invoiceNumber, LocalDate dueDate,
                                       LocalDate newDueDate);

    /** Files the claim for a declared overdue; returns the claim's reference. */
    String fileClaim(String policyNumber, String declarationReference, BigDecimal amount, String currency);

    ClaimDecision claim(String policyNumber, String claimReference);

    void reportPayment(String policyNumber, String declarationReference, BigDecimal amount, String currency,
                       LocalDate valueDate);

    /** Tells the insurer that the buyer disputes the invoice: a disputed receivable is not covered while disputed. */
    void reportDispute(String policyNumber, Buyer buyer, String invoiceNumber, String reason);

    /**
     * Tells the insurer that the buyer entered insolvency proceedings: under a credit-insurance policy the judgment
     * is a claim event (sinistre), to be told at once. Sent at most once per buyer and judgment (idempotency key).
     */
    void reportInsolvency(String policyNumber, Buyer buyer, InsolvencyNotice notice);

    /** Tells the insurer that the creditor wrote off what is still owed on a declared overdue. */
    void reportWriteOff(String policyNumber, String declarationReference, BigDecimal amount, String currency, String reason);

    /** The insurer read the request and refused it; its reason is kept. Asking again will not help. */
    class InsurerRefusal extends RuntimeException {
        private final int status;

        public InsurerRefusal(int status, String message) {
            super(status + " " + message);
            this.status = status;
        }

        /** The insurer's HTTP status (404: it knows nothing of what was asked about). */
        public int status() {
            return status;
        }
    }

    /** The insurer could not be reached, or failed: ask again later. */
    class InsurerUnavailable extends RuntimeException {
        public InsurerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.recouvra.legal;

/**
 * What the code relies on of processes/prescription-review.bpmn: a legal officer's review of one claim
 * nearing prescription (business key = the invoice number), raised once per prescription date by
 * {@link Prescriptions}.
 */
public final class PrescriptionReviewContract {

    public static final String PROCESS_KEY = "PrescriptionReview";

    // ---- messages it waits for

    /** An act interrupted the prescription, or the invoice is settled: nothing left to review. */
    public static final String MESSAGE_INTERRUPTED = "PrescriptionInterrupted";

    // ---- variables in (besides the invoice's: invoiceNumber, invoiceId, customerId, customerName, outstandingDisplay)

    public static final String PRESCRIBED_ON = "prescribedOn";
    /** The prescription day as a date, the review task's due date. */
    public static final String PRESCRIBED_ON_AT = "prescribedOnAt";
    public static final String LAST_INTERRUPTION = "lastInterruption";

    private PrescriptionReviewContract() {
    }
}

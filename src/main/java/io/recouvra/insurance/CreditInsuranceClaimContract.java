package io.recouvra.insurance;

/**
 * What the code relies on of processes/credit-insurance-claim.bpmn: the credit insurance of one insured
 * invoice (business key = the invoice number), started when it is registered; the messages it waits for
 * and its variables. It does not know who collects the invoice: it announces {@link InsurerTookOver} and
 * {@link InsuranceClaimEnded}.
 */
public final class CreditInsuranceClaimContract {

    public static final String PROCESS_KEY = "CreditInsuranceClaim";

    // ---- messages it waits for

    /** Declare now: an escalation chose the insurer, or another invoice of the buyer is declared; sets {@link #DECLARATION_ASKED_FOR}. */
    public static final String MESSAGE_DECLARATION_REQUESTED = "InsuranceDeclarationRequested";
    /** From the ledger: money received, to report once declared. */
    public static final String MESSAGE_INVOICE_PAID = "InsuredInvoicePaid";
    /** From the ledger: paid, cancelled or written off. */
    public static final String MESSAGE_INVOICE_SETTLED = "InsuredInvoiceSettled";
    /** The invoice is disputed (not covered while it is); carries {@link #DISPUTE_REASON}. */
    public static final String MESSAGE_INVOICE_DISPUTED = "InsuredInvoiceDisputed";

    // ---- variables in

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CURRENCY = "currency";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";

    // ---- variables of its own

    public static final String DECLARATION_ASKED_FOR = "declarationAskedFor";
    public static final String DISPUTE_REASON = "disputeReason";
    /** When the claim may be filed: the end of the policy's waiting period after the hand-over. */
    public static final String CLAIM_FROM = "claimFrom";
    /** PENDING, INDEMNIFIED or REFUSED: a {@link CreditInsurer.ClaimStatus}. */
    public static final String CLAIM_STATUS = "claimStatus";

    private CreditInsuranceClaimContract() {
    }
}

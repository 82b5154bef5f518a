package io.recouvra.guarantee;

/**
 * What the code relies on of processes/guarantee-call.bpmn, the call of a guarantee on one invoice (business key =
 * the invoice number), started by Escalation's "Call the guarantee" ({@code ${callGuarantee}}). It ends by announcing
 * {@link GuaranteeCallEnded}, which the escalation hears; it does not know its caller.
 */
public final class GuaranteeCallContract {

    public static final String PROCESS_KEY = "GuaranteeCall";

    // ---- messages it waits for (correlated by the call's id, variable CALL_ID, from the API)

    /** The guarantor or the bank paid: carries {@link #PAID_AMOUNT}, {@link #PAID_ON}, {@link #BANK_REFERENCE}. */
    public static final String MESSAGE_GUARANTEE_PAID = "GuaranteePaid";
    /** The guarantor or the bank refused: carries {@link #REFUSAL_REASON}. */
    public static final String MESSAGE_GUARANTEE_REFUSED = "GuaranteeRefused";

    // ---- variables in (the invoice, as escalation has them)

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String OUTSTANDING_DISPLAY = "outstandingDisplay";
    /**
     * Whether an injunction to pay against the debtor for the invoice came back unpaid before this call (boolean; absent
     * in calls started before it existed: false). Set from Escalation's {@link #ESCALATION_LEGAL_ATTEMPTS}.
     */
    public static final String DEBTOR_PURSUED_IN_COURT = "debtorPursuedInCourt";
    /** Escalation's count of court attempts on the invoice, read by the step that starts the call. */
    public static final String ESCALATION_LEGAL_ATTEMPTS = "legalAttempts";

    // ---- variables of its own

    /** The guarantee_call row, set by the letter's step; messages are correlated on it. */
    public static final String CALL_ID = "guaranteeCallId";
    /** When the deadline to answer passes (ISO date-time), the timer's date. */
    public static final String ANSWER_DUE_AT = "answerDueAt";
    public static final String CLAIMED_DISPLAY = "claimedDisplay";
    public static final String PROVIDER_NAME = "guarantorName";
    public static final String PAID_AMOUNT = "guaranteePaidAmount";
    public static final String PAID_ON = "guaranteePaidOn";
    public static final String BANK_REFERENCE = "guaranteeBankReference";
    public static final String REFUSAL_REASON = "guaranteeRefusalReason";
    /** PAID, REFUSED or NO_ANSWER. */
    public static final String CALL_OUTCOME = "guaranteeCallOutcome";
    /** The credit manager's note after a refusal or no answer (form decideAfterGuaranteeCall). */
    public static final String NEXT_ROUTE_NOTE = "nextRouteNote";

    /** Who decides after a refusal or no answer, and who is warned of a guarantee about to end. */
    public static final String CREDIT_MANAGERS = "credit-managers";

    private GuaranteeCallContract() {
    }
}

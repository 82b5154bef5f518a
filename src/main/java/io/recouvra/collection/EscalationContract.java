package io.recouvra.collection;

/**
 * What the code and the other processes may rely on of processes/escalation.bpmn, the process
 * InvoiceCollection calls when a formal notice stays unpaid (or a dispute, a broken plan or the insurer
 * sends the invoice there). It runs with the invoice number as business key. The features it hands the
 * invoice to (agency, court, credit insurer) do not know it: they announce their case's end as an event
 * of their own, which {@link SiblingProcessEvents} turns into Escalation's messages below, correlated by
 * that key. It returns {@link #OUTCOME} to its caller by output mapping.
 */
public final class EscalationContract {

    public static final String PROCESS_KEY = "Escalation";

    // ---- messages it waits for

    /** AgencyHandoff is over ({@link io.recouvra.agency.AgencyCaseEnded}); carries {@link #OUTCOME}, CLOSED or RETURNED. */
    public static final String MESSAGE_AGENCY_HANDOFF_ENDED = "AgencyHandoffEnded";
    /** LegalInjunction is over ({@link io.recouvra.legal.CourtCaseEnded}); carries {@link #OUTCOME}, CLOSED or RETURNED. */
    public static final String MESSAGE_LEGAL_INJUNCTION_ENDED = "LegalInjunctionEnded";
    /** GuaranteeCall is over ({@link io.recouvra.guarantee.GuaranteeCallEnded}); carries {@link #OUTCOME}, CLOSED or RETURNED. */
    public static final String MESSAGE_GUARANTEE_CALL_ENDED = "GuaranteeCallEnded";
    /**
     * CreditInsuranceClaim is over, not declared, indemnified or refused ({@link io.recouvra.insurance.InsuranceClaimEnded});
     * carries {@link #OUTCOME} RETURNED and {@link #INSURED} false.
     */
    public static final String MESSAGE_INSURANCE_CLAIM_ENDED = "InsuranceClaimEnded";

    // ---- variables in

    /**
     * Where an instance starts: absent from the beginning (facts, route); otherwise the wait it re-enters
     * with the variables that wait needs ({@code RESUME_AT_*}). InvoiceCollection sets
     * {@link #RESUME_AT_INSURER_OUTCOME} when the insurer took the invoice over during dunning; the
     * migration from the flat InvoiceCollection sets the wait an instance was at.
     */
    public static final String RESUME_AT = "escalationResumeAt";
    /** The manager's approval of the route (needs {@link #ROUTE}, {@link #DECISION}). */
    public static final String RESUME_AT_APPROVAL = "APPROVAL";
    /** The manager's decision on a write-off proposal (needs {@link #DECISION}). */
    public static final String RESUME_AT_WRITE_OFF_APPROVAL = "WRITE_OFF_APPROVAL";
    /** The agency case's end: the agency case is already open. */
    public static final String RESUME_AT_AGENCY_OUTCOME = "AGENCY_OUTCOME";
    /** The court case's end: the court case is already open. */
    public static final String RESUME_AT_COURT_OUTCOME = "COURT_OUTCOME";
    /** The insurance claim's end: the insurer took the invoice over. */
    public static final String RESUME_AT_INSURER_OUTCOME = "INSURER_OUTCOME";
    /** The reassessment timer of a refused escalation or write-off (needs {@link #DECISION}). */
    public static final String RESUME_AT_REASSESSMENT = "REASSESSMENT";

    public static final String AGENCY_ATTEMPTS = "agencyAttempts";
    public static final String LEGAL_ATTEMPTS = "legalAttempts";

    // ---- variables of its own

    /** EscalationRoute's result, read by the model as escalation.&lt;output&gt;. */
    public static final String DECISION = "escalation";
    /** The route chosen (AGENCY, LEGAL_INJUNCTION, CREDIT_INSURANCE_CLAIM, GUARANTEE_CALL, WRITE_OFF_PROPOSAL), which the approving manager may change. */
    public static final String ROUTE = "escalationRoute";
    public static final String REASON = "escalationReason";
    public static final String APPROVED = "escalationApproved";
    public static final String APPROVAL_NOTE = "approvalNote";
    public static final String INSURER_TAKES_OVER = "insurerTakesOver";
    public static final String INSURED = "insured";
    /** EscalationRoute's input: a valid guarantee could be called on the invoice ({@link io.recouvra.guarantee.GuaranteeCalls#callableFor}). */
    public static final String GUARANTEE_COVERS = "guaranteeCovers";

    // ---- variables out

    /** How a route ended: CLOSED or RETURNED on its way; what the process returns: CLOSED or WRITTEN_OFF. */
    public static final String OUTCOME = "escalationOutcome";
    public static final String OUTCOME_CLOSED = "CLOSED";
    public static final String OUTCOME_RETURNED = "RETURNED";
    public static final String OUTCOME_WRITTEN_OFF = "WRITTEN_OFF";

    private EscalationContract() {
    }
}

package io.recouvra.interest;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.web.ConflictException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * Interest cannot be computed over a half-year whose rates nobody has recorded yet. The API answers it as
 * a 409 naming the half-year and the endpoint to fill it, in English as every problem detail of the API; a process step
 * turns it into a BPMN error with {@link #asBpmnError()}, whose message (variable {@code latePaymentRateMissing}, read in
 * Cockpit) is in the team's language ({@link TeamLanguage}), and its model waits for signal {@value #RECORDED_SIGNAL}
 * instead of raising an incident.
 */
public class MissingLatePaymentRate extends ConflictException {

    /** The BPMN error code a step that needs a missing rate throws; its model catches it and waits. */
    public static final String ERROR_CODE = "LATE_PAYMENT_RATE_MISSING";
    /** The BPMN signal thrown once a half-year's rates are recorded (API or admin task), after commit. */
    public static final String RECORDED_SIGNAL = "LatePaymentRateRecorded";

    private final LocalDate halfYearStart;
    /** What the BPMN error says, for the team. */
    private final String forTheTeam;

    MissingLatePaymentRate(LocalDate halfYearStart, TeamLanguage language) {
        super("halfYearStart", "no late-payment rates recorded for the half-year starting " + halfYearStart
                + " (" + HalfYearRate.englishName(halfYearStart) + "): an admin adds them with PUT /api/v1/late-payment-rates/"
                + halfYearStart + " or in the Tasklist task that asks for them");
        this.halfYearStart = halfYearStart;
        // names the admins' task as LatePaymentRateRequests names it, so that it can be found in Tasklist
        this.forTheTeam = language.say("aucun taux de pénalités de retard n'est saisi pour le "
                + HalfYearRate.frenchName(halfYearStart) + " (semestre commençant le " + halfYearStart + ") : un administrateur "
                + "les saisit dans la tâche « Saisir les taux de pénalités de retard du " + HalfYearRate.frenchName(halfYearStart)
                + " » de Tasklist, ou par PUT /api/v1/late-payment-rates/" + halfYearStart, problem().reason());
    }

    public LocalDate halfYearStart() {
        return halfYearStart;
    }

    /** For a delegate: the error its model catches to wait for the rate (the message names the half-year, for the team). */
    public BpmnError asBpmnError() {
        return new BpmnError(ERROR_CODE, forTheTeam);
    }
}

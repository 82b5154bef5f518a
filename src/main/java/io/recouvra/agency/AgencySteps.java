package io.recouvra.agency;

import static io.recouvra.agency.AgencyHandoffContract.AGENCY_CASE_ID;
import static io.recouvra.agency.AgencyHandoffContract.AGENCY_ID;
import static io.recouvra.agency.AgencyHandoffContract.AGENCY_OUTCOME;
import static io.recouvra.agency.AgencyHandoffContract.CUSTOMER_ID;
import static io.recouvra.agency.AgencyHandoffContract.CUSTOMER_NAME;
import static io.recouvra.agency.AgencyHandoffContract.HANDOFF_OUTCOME;
import static io.recouvra.agency.AgencyHandoffContract.HANDOFF_OUTCOME_BEFORE_RENAME;
import static io.recouvra.agency.AgencyHandoffContract.INVOICE_ID;
import static io.recouvra.agency.AgencyHandoffContract.INVOICE_NUMBER;
import static io.recouvra.agency.AgencyHandoffContract.MANDATE_ENDS_AT;
import static io.recouvra.agency.AgencyHandoffContract.OUTSTANDING_DISPLAY;
import static io.recouvra.agency.AgencyHandoffContract.SETTLED_AS;

import io.recouvra.agency.AgencyCase.Outcome;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.receivables.InvoiceStatus;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of agency-handoff.bpmn, and the step of escalation.bpmn that starts it. */
@Configuration
class AgencySteps {

    /** Escalation's "Open agency case": the invoice's AgencyHandoff starts, business key = the invoice number. */
    @Bean
    JavaDelegate handToAgency(RuntimeService runtime) {
        return execution -> runtime.startProcessInstanceByKey(AgencyHandoffContract.PROCESS_KEY, execution.getProcessBusinessKey(),
                Variables.createVariables()
                        .putValue(INVOICE_NUMBER, execution.getVariable(INVOICE_NUMBER))
                        .putValue(INVOICE_ID, execution.getVariable(INVOICE_ID))
                        .putValue(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID))
                        .putValue(CUSTOMER_NAME, execution.getVariable(CUSTOMER_NAME))
                        .putValue(OUTSTANDING_DISPLAY, execution.getVariable(OUTSTANDING_DISPLAY)));
    }

    @Bean
    JavaDelegate gatherAgencyFacts(AgencyCases cases) {
        return execution -> execution.setVariables(cases.selectionFacts(invoiceNumber(execution)));
    }

    @Bean
    JavaDelegate openAgencyCase(AgencyCases cases) {
        return execution -> {
            try {
                execution.setVariable(AGENCY_CASE_ID,
                        cases.open(invoiceNumber(execution), (String) execution.getVariable(AGENCY_ID)).toString());
            } catch (MissingLatePaymentRate missing) {
                // the model waits for the rate (boundary error, signal LatePaymentRateRecorded): no incident
                throw missing.asBpmnError();
            }
        };
    }

    /** Sets mandateEndsAt, the moment the mandate timer fires: the end of the mandate's last day. */
    @Bean
    JavaDelegate transferAgencyCase(AgencyCases cases, @Value("${recouvra.zone}") ZoneId zone) {
        return execution -> execution.setVariable(MANDATE_ENDS_AT,
                cases.transfer(caseId(execution)).plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toOffsetDateTime().toString());
    }

    @Bean
    JavaDelegate reportDirectPayments(AgencyCases cases) {
        return execution -> cases.reportDirectPayments(caseId(execution));
    }

    @Bean
    JavaDelegate closeSettledAgencyCase(AgencyCases cases) {
        return execution -> execution.setVariable(AGENCY_OUTCOME,
                cases.settled(caseId(execution), InvoiceStatus.valueOf((String) execution.getVariable(SETTLED_AS))).name());
    }

    @Bean
    JavaDelegate closeReportedAgencyCase(AgencyCases cases) {
        return execution -> cases.closeAsReported(caseId(execution), Outcome.valueOf((String) execution.getVariable(AGENCY_OUTCOME)));
    }

    @Bean
    JavaDelegate recallExpiredAgencyCase(AgencyCases cases) {
        return execution -> {
            cases.expire(caseId(execution));
            execution.setVariable(AGENCY_OUTCOME, Outcome.MANDATE_EXPIRED.name());
        };
    }

    /** The model sets the hand-off's outcome on the way here: CLOSED or RETURNED. */
    @Bean
    JavaDelegate handAgencyCaseBack(AgencyCases cases) {
        return execution -> cases.handBack(invoiceNumber(execution), handoffOutcome(execution));
    }

    /** Instances still running on a model released before the variable was renamed set it under its old name. */
    private static AgencyCaseEnded.Outcome handoffOutcome(DelegateExecution execution) {
        Object outcome = execution.hasVariable(HANDOFF_OUTCOME) ? execution.getVariable(HANDOFF_OUTCOME)
                : execution.getVariable(HANDOFF_OUTCOME_BEFORE_RENAME);
        return AgencyCaseEnded.Outcome.valueOf((String) outcome);
    }

    private static String invoiceNumber(DelegateExecution execution) {
        return (String) execution.getVariable(INVOICE_NUMBER);
    }

    private static UUID caseId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(AGENCY_CASE_ID));
    }
}

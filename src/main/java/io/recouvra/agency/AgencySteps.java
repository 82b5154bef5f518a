package io.recouvra.agency;

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
        return execution -> runtime.startProcessInstanceByKey(AgencyCases.PROCESS_KEY, execution.getProcessBusinessKey(),
                Variables.createVariables()
                        .putValue("invoiceNumber", execution.getVariable("invoiceNumber"))
                        .putValue("invoiceId", execution.getVariable("invoiceId"))
                        .putValue("customerId", execution.getVariable("customerId"))
                        .putValue("customerName", execution.getVariable("customerName"))
                        .putValue("outstandingDisplay", execution.getVariable("outstandingDisplay")));
    }

    @Bean
    JavaDelegate gatherAgencyFacts(AgencyCases cases) {
        return execution -> execution.setVariables(cases.selectionFacts(invoiceNumber(execution)));
    }

    @Bean
    JavaDelegate openAgencyCase(AgencyCases cases) {
        return execution -> {
            try {
                execution.setVariable("agencyCaseId",
                        cases.open(invoiceNumber(execution), (String) execution.getVariable("agencyId")).toString());
            } catch (MissingLatePaymentRate missing) {
                // the model waits for the rate (boundary error, signal LatePaymentRateRecorded): no incident
                throw missing.asBpmnError();
            }
        };
    }

    /** Sets mandateEndsAt, the moment the mandate timer fires: the end of the mandate's last day. */
    @Bean
    JavaDelegate transferAgencyCase(AgencyCases cases, @Value("${recouvra.zone}") ZoneId zone) {
        return execution -> execution.setVariable("mandateEndsAt",
                cases.transfer(caseId(execution)).plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toOffsetDateTime().toString());
    }

    @Bean
    JavaDelegate reportDirectPayments(AgencyCases cases) {
        return execution -> cases.reportDirectPayments(caseId(execution));
    }

    @Bean
    JavaDelegate closeSettledAgencyCase(AgencyCases cases) {
        return execution -> execution.setVariable("agencyOutcome",
                cases.settled(caseId(execution), InvoiceStatus.valueOf((String) execution.getVariable("settledAs"))).name());
    }

    @Bean
    JavaDelegate closeReportedAgencyCase(AgencyCases cases) {
        return execution -> cases.closeAsReported(caseId(execution), Outcome.valueOf((String) execution.getVariable("agencyOutcome")));
    }

    @Bean
    JavaDelegate recallExpiredAgencyCase(AgencyCases cases) {
        return execution -> {
            cases.expire(caseId(execution));
            execution.setVariable("agencyOutcome", Outcome.MANDATE_EXPIRED.name());
        };
    }

    /** escalationOutcome is set by the model on the way here: CLOSED or RETURNED. */
    @Bean
    JavaDelegate handAgencyCaseBack(AgencyCases cases) {
        return execution -> cases.handBack(invoiceNumber(execution), (String) execution.getVariable(AgencyCases.OUTCOME_VARIABLE));
    }

    private static String invoiceNumber(DelegateExecution execution) {
        return (String) execution.getVariable("invoiceNumber");
    }

    private static UUID caseId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("agencyCaseId"));
    }
}

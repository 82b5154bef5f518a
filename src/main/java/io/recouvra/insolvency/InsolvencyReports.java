package io.recouvra.insolvency;

import io.recouvra.agency.AgencyReportedInsolvency;
import io.recouvra.receivables.CustomerService;
import io.recouvra.scoring.BureauReportedInsolvency;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Proceedings the credit bureau or a collection agency reports: the report says "insolvency proceedings" and nothing
 * of the judgment, the court or the representative, and the stop depends on the judgment's date. So nothing is
 * recorded on their word alone: a legal officer is asked to check and record them (process InsolvencyReport), once
 * per customer. The beans the model names are here too.
 */
@Configuration(proxyBeanMethods = false)
class InsolvencyReports {

    @Bean
    BureauReports bureauInsolvencyReports(RuntimeService runtime, InsolvencyProceedingsService proceedings,
                                          CustomerService customers, InteractionLog interactions) {
        return new BureauReports(runtime, proceedings, customers, interactions);
    }

    /**
     * The legal officer completed the task: the proceedings are recorded with the same checks as the API, in the
     * task's transaction (a refused value leaves the task open). A step after the task rather than its listener, so
     * that the task is over when InsolvencyOpened ends the checks still waiting.
     */
    @Bean
    JavaDelegate recordInsolvencyProceedings(InsolvencyProceedingsService proceedings, InteractionLog interactions) {
        return task -> {
            UUID customerId = UUID.fromString((String) task.getVariable(InsolvencyReportContract.CUSTOMER_ID));
            Object confirmed = task.getVariable(InsolvencyReportContract.CONFIRMED);
            if (!"YES".equals(confirmed)) {
                if (!"NO".equals(confirmed)) {
                    throw new InvalidInputException(InsolvencyReportContract.CONFIRMED, "is required: YES or NO");
                }
                interactions.record(customerId, null, Medium.SYSTEM, Direction.INTERNAL, Type.INSOLVENCY,
                        "Insolvency reported by " + reporter(ReportedBy.valueOf((String) task.getVariable(
                                InsolvencyReportContract.REPORTED_BY))) + " not confirmed", text(task, "checkNote"));
                return;
            }
            // the bureau's report may lack them, the officer who checked it may not
            List<FieldProblem> missing = Stream.of("court", "representativeName", "representativeAddress")
                    .filter(key -> text(task, key) == null).map(key -> new FieldProblem(key, "is required")).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            proceedings.report(customerId, new ProceedingsReport(kind(task), date(task, "judgmentDate"), text(task, "court"),
                    text(task, "representativeName"), text(task, "representativeAddress"), text(task, "representativeEmail"),
                    date(task, "bodaccPublishedOn"), ReportedBy.valueOf((String) task.getVariable(InsolvencyReportContract.REPORTED_BY)),
                    Boolean.TRUE.equals(task.getVariable("outsideMetropolitanFrance"))));
        };
    }

    private static String reporter(ReportedBy reportedBy) {
        return switch (reportedBy) {
            case CREDIT_BUREAU -> "the credit bureau";
            case AGENCY -> "the collection agency";
            case CREDIT_INSURER -> "the credit insurer";
            case PERSON -> "a person";
        };
    }

    private static ProceedingsKind kind(VariableScope task) {
        String value = text(task, "kind");
        if (value == null) {
            return null;
        }
        try {
            return ProceedingsKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be one of SAFEGUARD, RECEIVERSHIP, LIQUIDATION");
        }
    }

    private static LocalDate date(VariableScope task, String key) {
        String value = text(task, key);
        if (value == null) {
            return null;
        }
        try {
            // Camunda Forms' date picker sends 2026-03-15; a date-time field may send more
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(key, "is not a date (YYYY-MM-DD): " + value)));
        }
    }

    private static String text(VariableScope task, String key) {
        Object value = task.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** Hears the bureau and the agencies, asks a legal officer once per customer, and ends the ask when the API recorded them. */
    static class BureauReports {

        private final RuntimeService runtime;
        private final InsolvencyProceedingsService proceedings;
        private final CustomerService customers;
        private final InteractionLog interactions;

        BureauReports(RuntimeService runtime, InsolvencyProceedingsService proceedings, CustomerService customers,
                      InteractionLog interactions) {
            this.runtime = runtime;
            this.proceedings = proceedings;
            this.customers = customers;
            this.interactions = interactions;
        }

        /** A repeat (nightly rescoring) asks nothing more: proceedings already open, or a check already running. */
        @EventListener
        void bureauSaysInsolvent(BureauReportedInsolvency reported) {
            askToCheck(reported.customerId(), ReportedBy.CREDIT_BUREAU, "credit bureau: " + reported.bureauSummary(),
                    "The credit bureau reports insolvency proceedings");
        }

        /** The agency's case is ended by the agency module (outcome DEBTOR_INSOLVENT); the proceedings are checked here. */
        @EventListener
        void agencySaysInsolvent(AgencyReportedInsolvency reported) {
            String said = "collection agency " + reported.agencyName() + ", invoice " + reported.invoiceNumber() + ", on "
                    + reported.reportedOn() + (reported.note() == null || reported.note().isBlank() ? "" : ": " + reported.note().strip());
            askToCheck(reported.customerId(), ReportedBy.AGENCY, said, "Collection agency " + reported.agencyName()
                    + " reports insolvency proceedings (invoice " + reported.invoiceNumber() + ")");
        }

        private void askToCheck(UUID customerId, ReportedBy reporter, String said, String summary) {
            String key = customerId.toString();
            if (proceedings.openFor(customerId).isPresent() || runtime.createProcessInstanceQuery()
                    .processDefinitionKey(InsolvencyReportContract.PROCESS_KEY).processInstanceBusinessKey(key).count() > 0) {
                return;
            }
            runtime.startProcessInstanceByKey(InsolvencyReportContract.PROCESS_KEY, key, Variables.createVariables()
                    .putValue(InsolvencyReportContract.CUSTOMER_ID, key)
                    .putValue(InsolvencyReportContract.CUSTOMER_NAME, customers.get(customerId).getLegalName())
                    .putValue(InsolvencyReportContract.REPORTED_BY, reporter.name())
                    .putValue(InsolvencyReportContract.BUREAU_SUMMARY, said));
            interactions.record(customerId, null, Medium.SYSTEM, Direction.INBOUND, Type.INSOLVENCY,
                    summary + ": a legal officer is asked to check and record them", said);
        }

        /** Proceedings recorded (through the API, or by the task itself): a check still waiting ends. */
        @EventListener
        void recorded(InsolvencyOpened opened) {
            runtime.createMessageCorrelation(InsolvencyReportContract.MESSAGE_RECORDED)
                    .processInstanceBusinessKey(opened.customerId().toString()).correlateAll();
        }
    }
}

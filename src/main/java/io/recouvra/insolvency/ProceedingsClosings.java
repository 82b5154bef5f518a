package io.recouvra.insolvency;

import static io.recouvra.insolvency.ProceedingsClosingContract.*;

import io.recouvra.database.SingleNodeJobs;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The Tasklist way to record the judgment that closes proceedings (process ProceedingsClosing): while proceedings are
 * open, the legal officers have one task per proceedings, "Saisir la clôture de la procédure collective : {client}",
 * whose form records the closing exactly as the API does (same checks; a refused value keeps the task open with the
 * field and the reason). A closing recorded through the API ends the task. The beans the model names are here too.
 */
@Configuration(proxyBeanMethods = false)
class ProceedingsClosings {

    /** The API's fields and the form's keys: the form's own keys, so that a refusal names the form's label. */
    private static final Map<String, String> FORM_KEYS = Map.of("kind", CLOSING_KIND, "judgmentDate", CLOSING_JUDGMENT_DATE,
            "note", CLOSING_NOTE, "status", CLOSING_KIND);

    @Bean
    ClosingTasks proceedingsClosingTasks(RuntimeService runtime, InsolvencyProceedingsService register, DeclaredProceedings facts,
                                         SingleNodeJobs singleNode) {
        return new ClosingTasks(runtime, register, facts, singleNode);
    }

    /**
     * The legal officer completed the task: the closing is recorded with the API's checks, in the task's transaction.
     * A step after the task rather than its listener, as in InsolvencyReport: the task is over when the closing's own
     * message goes out.
     */
    @Bean
    JavaDelegate recordProceedingsClosing(InsolvencyProceedingsService register) {
        return step -> {
            UUID proceedingsId = UUID.fromString((String) step.getVariable(PROCEEDINGS_ID));
            ProceedingsClosing closing = new ProceedingsClosing(kind(step), date(step), text(step, CLOSING_NOTE));
            try {
                register.close(proceedingsId, closing);
            } catch (InvalidInputException refused) {
                throw new InvalidInputException(refused.problems().stream()
                        .map(p -> new FieldProblem(FORM_KEYS.getOrDefault(p.field(), p.field()), p.reason())).toList());
            } catch (ConflictException closedMeanwhile) {
                throw new InvalidInputException(CLOSING_KIND, closedMeanwhile.problem().reason());
            }
        };
    }

    private static ClosingKind kind(VariableScope step) {
        String value = text(step, CLOSING_KIND);
        if (value == null) {
            return null;
        }
        try {
            return ClosingKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CLOSING_KIND, "must be one of PLAN_CARRIED_OUT, LIQUIDATION_INSUFFICIENT_ASSETS, "
                    + "LIQUIDATION_DEBTS_PAID");
        }
    }

    private static LocalDate date(VariableScope step) {
        String value = text(step, CLOSING_JUDGMENT_DATE);
        if (value == null) {
            return null;
        }
        try {
            // Camunda Forms' date picker sends 2027-06-29; a date-time field may send more
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(CLOSING_JUDGMENT_DATE, "is not a date (YYYY-MM-DD): " + value)));
        }
    }

    private static String text(VariableScope step, String key) {
        Object value = step.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** Opens the task with the proceedings, keeps its kind up to date, and ends it when they are closed elsewhere. */
    static class ClosingTasks {

        private final RuntimeService runtime;
        private final InsolvencyProceedingsService register;
        private final DeclaredProceedings facts;
        private final SingleNodeJobs singleNode;

        ClosingTasks(RuntimeService runtime, InsolvencyProceedingsService register, DeclaredProceedings facts,
                     SingleNodeJobs singleNode) {
            this.runtime = runtime;
            this.register = register;
            this.facts = facts;
            this.singleNode = singleNode;
        }

        @EventListener
        void opened(InsolvencyOpened opened) {
            startOnce(opened.proceedingsId());
        }

        /** A liquidation reopened (art. L643-13 C. com.) is open again: it will be closed again. */
        @EventListener
        void reopened(LiquidationReopened reopened) {
            startOnce(reopened.proceedingsId());
        }

        @EventListener
        void converted(ProceedingsConverted converted) {
            String label = facts.facts(converted.proceedingsId()).kindLabel();
            running(converted.proceedingsId()).forEach(id -> runtime.setVariable(id, PROCEEDINGS_KIND_LABEL, label));
        }

        /** Recorded through the API (or by the task itself, which is then over and not waiting for the message). */
        @EventListener
        void closed(ProceedingsClosed closed) {
            runtime.createMessageCorrelation(MESSAGE_CLOSED).processInstanceBusinessKey(closed.proceedingsId().toString()).correlateAll();
        }

        /**
         * Proceedings opened before this process existed have no task: each start gives one to every open proceedings
         * without a running instance (once: the next start finds it running). Nodes of a cluster started together
         * would each find none running: one of them does it.
         */
        @EventListener(ApplicationReadyEvent.class)
        void openBeforeThisVersion() {
            singleNode.runAlone("proceedings-closing-tasks", Duration.ofMinutes(10), Duration.ZERO,
                    () -> register.allOpen().forEach(p -> startOnce(p.getId())));
        }

        private void startOnce(UUID proceedingsId) {
            if (!running(proceedingsId).isEmpty()) {
                return;
            }
            DeclaredProceedings.Facts known = facts.facts(proceedingsId);
            runtime.startProcessInstanceByKey(PROCESS_KEY, proceedingsId.toString(), Variables.createVariables()
                    .putValue(PROCEEDINGS_ID, proceedingsId.toString())
                    .putValue(CUSTOMER_ID, known.customerId().toString())
                    .putValue(CUSTOMER_NAME, known.customerName())
                    .putValue(PROCEEDINGS_KIND_LABEL, known.kindLabel())
                    .putValue(JUDGMENT_DATE, known.judgmentDate().toString()));
        }

        private List<String> running(UUID proceedingsId) {
            return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(proceedingsId.toString()).list().stream().map(i -> i.getId()).toList();
        }
    }
}

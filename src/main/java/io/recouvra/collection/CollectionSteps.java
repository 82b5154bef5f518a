package io.recouvra.collection;

import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.legal.Prescriptions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of invoice-collection.bpmn, escalation.bpmn, dispute-mediation.bpmn and collector-call.bpmn, by the names the models use
 * ({@code ${sendReminder}} ...). Each reads its variables, calls one service, and writes its results.
 */
@Configuration
class CollectionSteps {

    /** The formal notice's deadline written in invoice-collection.bpmn before it moved to DunningStrategy. */
    static final int PAYMENT_DEADLINE_DAYS_BEFORE_THE_TABLE_SAID = 8;

    // ---- invoice-collection.bpmn

    /**
     * DunningStrategy's inputs as transient variables: the business rule task that follows reads them in the same
     * transaction, and the decision's history keeps them; stored, they would cost three statements each and as many
     * deletes when the instance ends (docs/performance.md).
     */
    @Bean
    JavaDelegate assessCustomer(Dunning dunning) {
        // an instance started before the amount came with the assessment stores it: stored it stays (the engine
        // refuses a transient value for a stored variable)
        return execution -> dunning.assess(InvoiceCase.of(execution)).forEach((name, value) ->
                execution.setVariable(name, Variables.untypedValue(value, !execution.hasVariable(name))));
    }

    @Bean
    JavaDelegate sendPreDueReminder(Dunning dunning) {
        return execution -> dunning.preDueReminder(InvoiceCase.of(execution), InvoiceCase.strategy(execution));
    }

    @Bean
    JavaDelegate sendReminder(Dunning dunning, Prescriptions prescriptions) {
        return execution -> {
            prescriptions.warnIfBarred(InvoiceCase.of(execution).number(), "a reminder is sent");
            // absent until the first reminder (instances started before issue 19's third pass hold 0)
            Integer reached = (Integer) execution.getVariable(InvoiceCollectionContract.DUNNING_LEVEL);
            int level = (reached == null ? 0 : reached) + 1;
            dunning.reminder(InvoiceCase.of(execution), level, InvoiceCase.strategy(execution));
            execution.setVariable(InvoiceCollectionContract.DUNNING_LEVEL, level);
        };
    }

    @Bean
    JavaDelegate sendFormalNotice(Dunning dunning, CollectionCalendar calendar, Prescriptions prescriptions) {
        return execution -> {
            prescriptions.warnIfBarred(InvoiceCase.of(execution).number(), "a formal notice is sent");
            Object fromStrategy = execution.getVariable("paymentDeadlineDays");
            // cases whose strategy was chosen before DunningStrategy had formalNoticePaymentDays keep the
            // deadline their model version had
            int deadlineDays = fromStrategy == null ? PAYMENT_DEADLINE_DAYS_BEFORE_THE_TABLE_SAID
                    : Integer.parseInt(fromStrategy.toString());
            Object sent = execution.getVariable("formalNoticesSent");
            int number = (sent == null ? 0 : ((Number) sent).intValue()) + 1;
            LocalDate deadline;
            try {
                deadline = dunning.formalNotice(InvoiceCase.of(execution), number, deadlineDays);
            } catch (MissingLatePaymentRate missing) {
                // the model waits for the rate (boundary error, signal LatePaymentRateRecorded): no incident
                throw missing.asBpmnError();
            }
            execution.setVariable("formalNoticesSent", number);
            execution.setVariable("formalNoticeDeadline", calendar.dayAfter(deadline, 0));
        };
    }

    @Bean
    JavaDelegate requestCollectorCall(CollectorCalls calls) {
        return execution -> {
            InvoiceCase invoiceCase = InvoiceCase.of(execution);
            execution.setVariable("callId", calls.request(invoiceCase.customerId(), invoiceCase.number()).toString());
        };
    }

    @Bean
    JavaDelegate checkPromise(Dunning dunning) {
        return execution -> dunning.checkPromise(InvoiceCase.of(execution),
                UUID.fromString((String) execution.getVariable("promiseId")), (String) execution.getVariable("promisedAmount"),
                LocalDate.parse((String) execution.getVariable("promisedDate")));
    }

    @Bean
    JavaDelegate resumeCollection(Interruptions interruptions) {
        return execution -> {
            interruptions.resume(InvoiceCase.of(execution));
            // a broken payment plan sends the next level at once; any other way back waits for it as usual
            execution.setVariable("resumeWithNextLevel", "BROKEN".equals(execution.getVariable("planOutcome")));
            // the next dispute, hold or plan starts afresh
            execution.removeVariables(List.of("disputeOutcome", "disputeId", "disputeReason", "holdUntil", "planOutcome"));
        };
    }

    /** The invoice is settled: nothing more goes out about it, and a dispute left open is closed. */
    @Bean
    JavaDelegate closeCase(Dunning dunning, Disputes disputes) {
        return execution -> {
            InvoiceCase invoiceCase = InvoiceCase.of(execution);
            dunning.cancelPendingMessages(invoiceCase);
            disputes.openDispute(invoiceCase.number()).ifPresent(open -> disputes.resolve(invoiceCase.number(), "SETTLED"));
        };
    }

    /** Insolvency proceedings froze the claim (InsolvencyOpened): nothing more goes out about it. */
    @Bean
    JavaDelegate stopCollectionForInsolvency(InsolvencyStop stop) {
        return execution -> stop.stopped(InvoiceCase.of(execution),
                (String) execution.getVariable(InvoiceCollectionContract.INSOLVENCY_REASON));
    }

    // ---- dispute-mediation.bpmn

    @Bean
    JavaDelegate resolveDispute(DisputeResolutions resolutions) {
        return execution -> execution.setVariables(resolutions.resolve(InvoiceCase.of(execution),
                UUID.fromString((String) execution.getVariable("disputeId")), (String) execution.getVariable("resolution"),
                execution.getVariables()));
    }

    /** Refuses an incomplete decision when the handler submits it, naming the field. */
    @Bean
    TaskListener checkDisputeReview(DisputeResolutions resolutions) {
        return task -> resolutions.checkReview(InvoiceCase.of(task), task.getVariables());
    }

    @Bean
    TaskListener checkMediation(DisputeResolutions resolutions) {
        return task -> resolutions.checkMediation(InvoiceCase.of(task), task.getVariables());
    }

    // ---- escalation.bpmn

    @Bean
    JavaDelegate gatherEscalationFacts(Escalation escalation) {
        return execution -> {
            Object legalAttempts = execution.getVariable(EscalationContract.LEGAL_ATTEMPTS);
            execution.setVariables(escalation.facts(InvoiceCase.of(execution), legalAttempts instanceof Number n ? n.intValue() : 0));
        };
    }

    /** A manager approved or refused the escalation: the trail says who and what. */
    @Bean
    TaskListener recordEscalationDecision(Escalation escalation) {
        return task -> escalation.decided(InvoiceCase.of(task), Boolean.TRUE.equals(task.getVariable(EscalationContract.APPROVED)),
                task.getVariable(EscalationContract.ROUTE), task.getVariable(EscalationContract.APPROVAL_NOTE));
    }

    /** The route chose the insurer: its claim declares now, or the route is returned at once if it cannot. */
    @Bean
    JavaDelegate askInsurerToTakeOver(InsuranceClaims claims) {
        return execution -> {
            boolean takesOver = claims.askToTakeOver(InvoiceCase.of(execution).number());
            execution.setVariable(EscalationContract.INSURER_TAKES_OVER, takesOver);
            if (!takesOver) {
                execution.setVariable(EscalationContract.OUTCOME, EscalationContract.OUTCOME_RETURNED);
                execution.setVariable(EscalationContract.INSURED, false);
            }
        };
    }

    // ---- collector-call.bpmn

    /**
     * Counts the try, gives a new call its CallPolicy terms, and reads the sheet (calls of model versions
     * without {@code ${refreshCallSheet}} need it here).
     */
    @Bean
    JavaDelegate prepareCallSheet(CallSteps steps, CollectorCalls calls, CallPolicy policy, Viewers viewers) {
        return execution -> {
            execution.setVariable("callAttempts", calls.attempt(callId(execution)));
            policy.of(execution, customerId(execution));
            execution.setVariables(steps.callSheet(customerId(execution), viewers.defaults()));
        };
    }

    /**
     * On create, claim and assignment: the sheet as the customer is now, for the assignee; the name after it.
     * On create (every try, also of calls running on an older model version that has this listener) the CallPriority
     * rank too; a call task of a version without it keeps priority 50 and no follow-up date, and is listed every day.
     */
    @Bean
    TaskListener refreshCallSheet(CallSheets sheets) {
        return task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                sheets.rankAndRefresh(task);
            } else {
                sheets.refresh(task, task.getAssignee());
            }
        };
    }

    @Bean
    JavaDelegate recordCall(CallSteps steps, CallPolicy policy) {
        return execution -> execution.setVariables(steps.record(callId(execution), customerId(execution),
                execution.getVariables(), policy.of(execution, customerId(execution))));
    }

    @Bean
    JavaDelegate closeCall(CallSteps steps) {
        return execution -> {
            Map<String, Object> outcome = new HashMap<>();
            for (String name : new String[] {"callOutcome", "promiseId", "promisedAmount", "promisedDate", "resumeDunningAt",
                    "disputeReason", "planInstalments", "planFirstDate", "planFrequency", "planDownPayment"}) {
                outcome.put(name, execution.getVariable(name));
            }
            steps.close(callId(execution), customerId(execution), outcome, (String) execution.getVariable("callNote"));
        };
    }

    private static UUID callId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("callId"));
    }

    private static UUID customerId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("customerId"));
    }
}

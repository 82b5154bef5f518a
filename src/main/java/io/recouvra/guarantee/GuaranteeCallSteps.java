package io.recouvra.guarantee;

import static io.recouvra.guarantee.GuaranteeCallContract.ANSWER_DUE_AT;
import static io.recouvra.guarantee.GuaranteeCallContract.BANK_REFERENCE;
import static io.recouvra.guarantee.GuaranteeCallContract.CALL_ID;
import static io.recouvra.guarantee.GuaranteeCallContract.CALL_OUTCOME;
import static io.recouvra.guarantee.GuaranteeCallContract.CLAIMED_DISPLAY;
import static io.recouvra.guarantee.GuaranteeCallContract.CUSTOMER_ID;
import static io.recouvra.guarantee.GuaranteeCallContract.CUSTOMER_NAME;
import static io.recouvra.guarantee.GuaranteeCallContract.INVOICE_ID;
import static io.recouvra.guarantee.GuaranteeCallContract.INVOICE_NUMBER;
import static io.recouvra.guarantee.GuaranteeCallContract.NEXT_ROUTE_NOTE;
import static io.recouvra.guarantee.GuaranteeCallContract.OUTSTANDING_DISPLAY;
import static io.recouvra.guarantee.GuaranteeCallContract.PAID_AMOUNT;
import static io.recouvra.guarantee.GuaranteeCallContract.PAID_ON;
import static io.recouvra.guarantee.GuaranteeCallContract.PROVIDER_NAME;
import static io.recouvra.guarantee.GuaranteeCallContract.REFUSAL_REASON;

import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of guarantee-call.bpmn, and the step of escalation.bpmn that starts it. */
@Configuration
class GuaranteeCallSteps {

    /** Escalation's "Call the guarantee": the invoice's GuaranteeCall starts, business key = the invoice number. */
    @Bean
    JavaDelegate callGuarantee(RuntimeService runtime) {
        return execution -> runtime.startProcessInstanceByKey(GuaranteeCallContract.PROCESS_KEY, execution.getProcessBusinessKey(),
                Variables.createVariables()
                        .putValue(INVOICE_NUMBER, execution.getVariable(INVOICE_NUMBER))
                        .putValue(INVOICE_ID, execution.getVariable(INVOICE_ID))
                        .putValue(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID))
                        .putValue(CUSTOMER_NAME, execution.getVariable(CUSTOMER_NAME))
                        .putValue(OUTSTANDING_DISPLAY, execution.getVariable(OUTSTANDING_DISPLAY))
                        .putValue(GuaranteeCallContract.DEBTOR_PURSUED_IN_COURT,
                                pursuedInCourt(execution.getVariable(GuaranteeCallContract.ESCALATION_LEGAL_ATTEMPTS))));
    }

    /** An injunction to pay came back unpaid: Escalation counts its court attempts. */
    static boolean pursuedInCourt(Object legalAttempts) {
        return legalAttempts instanceof Number attempts && attempts.intValue() > 0;
    }

    /**
     * Sets guaranteeCalled, and when a guarantee was called: the call's id, the timer's date (the end of the last day to
     * answer). A half-year's late-payment rates missing: BPMN error {@value MissingLatePaymentRate#ERROR_CODE}, nothing
     * written.
     */
    @Bean
    JavaDelegate sendGuaranteeCall(GuaranteeCalls calls, Guarantees guarantees, @Value("${recouvra.zone}") ZoneId zone) {
        return execution -> {
            Optional<GuaranteeCalls.Call> call;
            try {
                call = calls.call((String) execution.getVariable(INVOICE_NUMBER),
                        Boolean.TRUE.equals(execution.getVariable(GuaranteeCallContract.DEBTOR_PURSUED_IN_COURT)));
            } catch (MissingLatePaymentRate missing) {
                // the model waits for the rate (boundary error, signal LatePaymentRateRecorded): no incident
                throw missing.asBpmnError();
            }
            execution.setVariable("guaranteeCalled", call.isPresent());
            call.ifPresent(made -> execution.setVariables(Variables.createVariables()
                    .putValue(CALL_ID, made.id().toString())
                    .putValue(ANSWER_DUE_AT, made.answerDueOn().plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString())
                    .putValue(CLAIMED_DISPLAY, AmountDisplay.of(made.claimed(), made.currency()))
                    .putValue(PROVIDER_NAME, guarantees.get(made.guaranteeId()).providerName())));
        };
    }

    @Bean
    JavaDelegate bookGuaranteePayment(GuaranteeCalls calls) {
        return execution -> {
            calls.book(callId(execution), new BigDecimal((String) execution.getVariable(PAID_AMOUNT)),
                    LocalDate.parse((String) execution.getVariable(PAID_ON)), (String) execution.getVariable(BANK_REFERENCE));
            execution.setVariable(CALL_OUTCOME, "PAID");
        };
    }

    @Bean
    JavaDelegate recordGuaranteeRefusal(GuaranteeCalls calls) {
        return execution -> {
            calls.refused(callId(execution), (String) execution.getVariable(REFUSAL_REASON));
            execution.setVariable(CALL_OUTCOME, "REFUSED");
        };
    }

    @Bean
    JavaDelegate recordGuaranteeUnanswered(GuaranteeCalls calls) {
        return execution -> {
            calls.unanswered(callId(execution));
            execution.setVariable(CALL_OUTCOME, "NO_ANSWER");
        };
    }

    /** The credit manager's note on what comes next, on the trail with the manager's name. */
    @Bean
    TaskListener recordGuaranteeNextRoute(InteractionLog interactions) {
        return task -> {
            Object note = task.getVariable(NEXT_ROUTE_NOTE);
            interactions.record(UUID.fromString((String) task.getVariable(CUSTOMER_ID)), UUID.fromString((String) task.getVariable(INVOICE_ID)),
                    Medium.SYSTEM, Direction.INTERNAL, Type.ESCALATION,
                    "Guarantee call over without payment: the escalation chooses the next route (" + task.getVariable(INVOICE_NUMBER) + ")",
                    note == null || note.toString().isBlank() ? null : note.toString());
        };
    }

    /** The call is over: whoever called it hears whether anything is still owed. */
    @Bean
    JavaDelegate handBackGuaranteeCall(GuaranteeCalls calls, ApplicationEventPublisher events) {
        return execution -> {
            String number = (String) execution.getVariable(INVOICE_NUMBER);
            events.publishEvent(new GuaranteeCallEnded(number,
                    calls.invoiceSettled(number) ? GuaranteeCallEnded.Outcome.CLOSED : GuaranteeCallEnded.Outcome.RETURNED));
        };
    }

    private static UUID callId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(CALL_ID));
    }
}

package io.recouvra.collection;

import io.recouvra.receivables.CustomerService;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * processes/call-policy.dmn: how a collector call is made (tries, days between them) and how long the
 * invoices wait on what it gave (grace after a promised date, days to see a payment, the longest promise).
 * Decided once per call, on its first try, and kept as the call's variables, which collector-call.bpmn reads.
 */
@Service
class CallPolicy {

    static final String DECISION_KEY = "CallPolicy";

    /** The call's variables, named as the table's outputs. */
    static final String CALL_TRIES = "callTries";
    static final String DAYS_BETWEEN_TRIES = "daysBetweenTries";
    static final String PROMISE_GRACE_DAYS = "promiseGraceDays";
    static final String PAYMENT_CHECK_DAYS = "paymentCheckDays";
    static final String LONGEST_PROMISE_DAYS = "longestPromiseDays";

    private final DecisionService decisions;
    private final CustomerService customers;

    CallPolicy(DecisionService decisions, CustomerService customers) {
        this.decisions = decisions;
        this.customers = customers;
    }

    /**
     * The terms the call works by. A call without them yet (its first try, or a call opened before the
     * table) gets them from the table now; a call opened before keeps the numbers its model version has
     * written in (its grace and check days are the recording step's inputs, its tries a literal).
     */
    Terms of(VariableScope call, UUID customerId) {
        if (!call.hasVariable(CALL_TRIES)) {
            decide(customers.get(customerId).getCustomerType()).asVariables().forEach((name, value) -> {
                if (!call.hasVariable(name)) {
                    call.setVariable(name, value);
                }
            });
        }
        return Terms.from(call);
    }

    Terms decide(String customerType) {
        Map<String, Object> outputs = decisions.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables().putValue("customerType", customerType)).getSingleResult().getEntryMap();
        return new Terms(number(outputs.get(CALL_TRIES)), number(outputs.get(DAYS_BETWEEN_TRIES)),
                number(outputs.get(PROMISE_GRACE_DAYS)), number(outputs.get(PAYMENT_CHECK_DAYS)),
                number(outputs.get(LONGEST_PROMISE_DAYS)));
    }

    record Terms(int callTries, int daysBetweenTries, int promiseGraceDays, int paymentCheckDays, int longestPromiseDays) {

        Map<String, Object> asVariables() {
            return Map.of(CALL_TRIES, callTries, DAYS_BETWEEN_TRIES, daysBetweenTries, PROMISE_GRACE_DAYS, promiseGraceDays,
                    PAYMENT_CHECK_DAYS, paymentCheckDays, LONGEST_PROMISE_DAYS, longestPromiseDays);
        }

        /** As the step that runs sees them: on a version before the table, the grace and check days are its inputs. */
        static Terms from(VariableScope call) {
            return new Terms(number(call.getVariable(CALL_TRIES)), number(call.getVariable(DAYS_BETWEEN_TRIES)),
                    number(call.getVariable(PROMISE_GRACE_DAYS)), number(call.getVariable(PAYMENT_CHECK_DAYS)),
                    number(call.getVariable(LONGEST_PROMISE_DAYS)));
        }
    }

    private static int number(Object value) {
        if (value == null) {
            throw new IllegalStateException("CallPolicy gave no value for one of its outputs: every rule must fill all five");
        }
        return Integer.parseInt(value.toString());
    }
}

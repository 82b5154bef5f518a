package io.recouvra.collection;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code ${disputePolicy}}, the listener of dispute-mediation.bpmn's start: processes/dispute-policy.dmn
 * decides, for the dispute's reason, how many business days the handler has to review it and how many
 * days the debtor has to contest a rejection. Both are kept as the dispute's variables (the model's
 * *Review late* and *No contest in time* timers read them), with the day the review is due.
 */
@Component("disputePolicy")
class DisputePolicy implements ExecutionListener {

    static final String DECISION_KEY = "DisputePolicy";

    /** The dispute's variables, named as the table's outputs. */
    static final String REVIEW_BUSINESS_DAYS = "reviewBusinessDays";
    static final String CONTEST_DAYS = "contestDays";
    /** The start of the day the review is late: a manager is asked to chase it. */
    static final String REVIEW_DUE_AT = "reviewDueAt";

    private final DecisionService decisions;
    private final CollectionCalendar calendar;

    DisputePolicy(DecisionService decisions, CollectionCalendar calendar) {
        this.decisions = decisions;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution dispute) {
        Terms terms = decide((String) dispute.getVariable(DisputeMediationContract.DISPUTE_REASON));
        dispute.setVariables(terms.asVariables());
        dispute.setVariable(REVIEW_DUE_AT, calendar.businessDaysAhead(terms.reviewBusinessDays()));
    }

    Terms decide(String disputeReason) {
        Map<String, Object> outputs = decisions.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables().putValue(DisputeMediationContract.DISPUTE_REASON, disputeReason))
                .getSingleResult().getEntryMap();
        return new Terms(number(outputs.get(REVIEW_BUSINESS_DAYS)), number(outputs.get(CONTEST_DAYS)));
    }

    record Terms(int reviewBusinessDays, int contestDays) {

        Map<String, Object> asVariables() {
            return Map.of(REVIEW_BUSINESS_DAYS, reviewBusinessDays, CONTEST_DAYS, contestDays);
        }
    }

    private static int number(Object value) {
        if (value == null) {
            throw new IllegalStateException("DisputePolicy gave no value for one of its outputs: every rule must fill both");
        }
        return Integer.parseInt(value.toString());
    }
}

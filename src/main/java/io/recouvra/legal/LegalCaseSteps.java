package io.recouvra.legal;

import static io.recouvra.web.FormFields.amount;
import static io.recouvra.web.FormFields.choice;
import static io.recouvra.web.FormFields.date;
import static io.recouvra.web.FormFields.text;
import static io.recouvra.legal.LegalInjunctionContract.CASE_ID;
import static io.recouvra.legal.LegalInjunctionContract.FILED;
import static io.recouvra.legal.LegalInjunctionContract.OUTCOME_REASON;

import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.legal.LegalCase.ServiceMode;
import io.recouvra.legal.LegalCases.Decision;
import io.recouvra.legal.LegalCases.Enforcement;
import io.recouvra.legal.LegalCases.ServiceDeadlines;
import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listeners of legal-injunction.bpmn. Delegates read the case id, call one step
 * of {@link LegalCases}, and set what the model's gateways and timers read; the listeners check what a
 * legal officer entered when completing a task (the field is named when something is wrong) and record it.
 */
@Configuration
class LegalCaseSteps {

    /** The error legal-injunction.bpmn catches on the request-building step to wait for signal LatePaymentRateRecorded. */
    static final String RATE_MISSING = "LATE_PAYMENT_RATE_MISSING";

    private final ZoneId zone;

    LegalCaseSteps(@Value("${recouvra.zone}") ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Escalation's "Open court case": marks the invoice IN_COURT and starts its LegalInjunction
     * (business key = the invoice number). Reads invoiceNumber, customerName and outstandingDisplay.
     */
    @Bean
    JavaDelegate openLegalCase(LegalCases cases) {
        return execution -> cases.open((String) execution.getVariable("invoiceNumber"),
                (String) execution.getVariable("customerName"), (String) execution.getVariable("outstandingDisplay"));
    }

    /**
     * Builds the request. A half-year whose late-payment rate is missing makes the case wait for it
     * (BpmnError {@link #RATE_MISSING}, caught by the model) instead of failing; a claim already time-barred
     * is flagged (trail and review task) before anyone files it.
     */
    @Bean
    JavaDelegate buildInjunctionRequest(InjunctionRequests requests, LegalCases cases, Prescriptions prescriptions) {
        return execution -> {
            if (execution.getVariable(CASE_ID) == null) {
                // started without openLegalCase (Cockpit, a call activity): the case is opened here
                execution.setVariable(CASE_ID, cases.caseOf((String) execution.getVariable("invoiceNumber")).toString());
                execution.setVariable(FILED, false);
            }
            prescriptions.warnIfBarred((String) execution.getVariable("invoiceNumber"), "an injunction request is prepared");
            InjunctionRequests.Built built;
            try {
                built = requests.build(caseId(execution));
            } catch (MissingLatePaymentRate missing) {
                throw missing.asBpmnError(); // its message in the team's language, for Cockpit
            }
            execution.setVariable("stillOwed", built.stillOwed());
            execution.setVariable("amountClaimedDisplay", built.totalDisplay());
            execution.setVariable("courtName", built.courtName());
            if (!built.stillOwed()) {
                execution.setVariable(OUTCOME_REASON, "nothing is owed any more");
            }
        };
    }

    @Bean
    TaskListener checkInjunctionReview(LegalCases cases) {
        return task -> {
            String decision = text(task, "reviewDecision", true);
            String note = text(task, "reviewNote", false);
            switch (decision) {
                case "APPROVE" -> cases.approved(caseId(task), note);
                case "CORRECT" -> {
                    String court = text(task, "correctedCourtName", false);
                    var otherCosts = amount(task, "otherCosts", false);
                    if (court == null && otherCosts == null) {
                        throw new InvalidInputException("otherCosts", "a correction changes the other costs or the court");
                    }
                    cases.corrected(caseId(task), otherCosts, court, note);
                }
                case "SEND_BACK" -> {
                    if (note == null) {
                        throw new InvalidInputException("reviewNote", "say why the request is sent back");
                    }
                    cases.sentBack(caseId(task), note);
                    task.setVariable(OUTCOME_REASON, "sent back at review: " + note);
                }
                default -> throw new InvalidInputException("reviewDecision", "is APPROVE, CORRECT or SEND_BACK: " + decision);
            }
        };
    }

    @Bean
    TaskListener recordFiling(LegalCases cases) {
        return task -> {
            cases.filed(caseId(task), date(task, "filedOn", true), text(task, "courtReference", true));
            task.setVariable(FILED, true);
        };
    }

    @Bean
    TaskListener recordCourtDecision(LegalCases cases) {
        return task -> {
            Decision decision = choice(task, "courtDecision", Decision.class);
            ServiceDeadlines deadlines = cases.decided(caseId(task), decision, date(task, "orderDate", true),
                    amount(task, "amountGranted", false));
            if (decision == Decision.REJECTED) {
                task.setVariable(OUTCOME_REASON, "the court rejected the request");
                return;
            }
            task.setVariable("serviceReminderAt", deadlines.firstReminderAt());
            task.setVariable("serviceLastReminderAt", deadlines.lastReminderAt());
            task.setVariable("serviceLapsesAt", deadlines.lapsesAt());
            task.setVariable("serviceDeadline", deadlines.lastDay().toString());
        };
    }

    /** The order is still not served: a note on the trail, and the open task climbs in Tasklist's priority order. */
    @Bean
    JavaDelegate remindServiceDeadline(LegalCases cases, TaskService tasks) {
        return execution -> {
            cases.serviceReminder(caseId(execution));
            for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                tasks.setPriority(open.getId(), Math.min(100, open.getPriority() + 25));
            }
        };
    }

    @Bean
    JavaDelegate recordServiceLapse(LegalCases cases) {
        return execution -> {
            cases.lapsed(caseId(execution));
            execution.setVariable(OUTCOME_REASON, "the order lapsed unserved after six months (non avenue)");
        };
    }

    @Bean
    TaskListener recordService(LegalCases cases) {
        return task -> {
            boolean legacy = LegacyVersions.asksForTheFormula(task);
            // instances of the version before decree 2021-1322 was modelled have a form without the mode: they
            // keep the one-month window they were started with
            ServiceMode serviceMode = legacy && text(task, "serviceMode", false) == null ? null
                    : choice(task, "serviceMode", ServiceMode.class);
            LegalCases.ServiceWindow window = cases.served(caseId(task), date(task, "servedOn", true), serviceMode,
                    text(task, "commissaireDeJustice", false));
            window.oppositionLastDay().ifPresent(day -> task.setVariable("oppositionWindowEnds", day.toString()));
            // the timer fires once the suspensive month's last day is over
            task.setVariable("suspensiveMonthEndsAt", startOf(window.suspensiveMonthEnds().plusDays(1)));
            if (legacy) {
                task.setVariable("oppositionWindowEndsAt", startOf(window.suspensiveMonthEnds().plusDays(1)));
                task.setVariable("formulaDueAt", startOf(ProceduralDeadlines.lastDay(window.suspensiveMonthEnds(), 1)));
            }
        };
    }

    @Bean
    JavaDelegate recordNoOpposition(LegalCases cases) {
        return execution -> cases.noOpposition(caseId(execution));
    }

    @Bean
    TaskListener recordHearing(LegalCases cases) {
        return task -> task.setVariable("hearingAt", cases.hearing(caseId(task), date(task, "hearingDate", true)));
    }

    @Bean
    TaskListener recordJudgment(LegalCases cases) {
        return task -> {
            String judgment = text(task, "judgment", true);
            if (!"FOR_CREDITOR".equals(judgment) && !"DISMISSED".equals(judgment)) {
                throw new InvalidInputException("judgment", "is FOR_CREDITOR or DISMISSED: " + judgment);
            }
            boolean forCreditor = "FOR_CREDITOR".equals(judgment);
            cases.judged(caseId(task), forCreditor, amount(task, "amountGranted", false), text(task, "judgmentNote", false));
            if (!forCreditor) {
                task.setVariable(OUTCOME_REASON, "the claim was dismissed on opposition");
            }
        };
    }

    /**
     * Only for instances still running on the version before decree 2021-1322 was modelled (their
     * "Request enforceable formula" task): since 1 March 2022 the order comes with the formula, so the
     * officer records the day the order was issued with it.
     */
    @Bean
    TaskListener recordFormula(LegalCases cases) {
        return task -> cases.formulaAffixed(caseId(task), date(task, "formulaAffixedOn", true));
    }

    @Bean
    TaskListener recordEnforcementInstruction(LegalCases cases) {
        return task -> cases.enforcementInstructed(caseId(task), text(task, "commissaireDeJustice", true),
                date(task, "instructedOn", true));
    }

    @Bean
    TaskListener recordEnforcementOutcome(LegalCases cases) {
        return task -> {
            Enforcement outcome = choice(task, "enforcementOutcome", Enforcement.class);
            cases.enforced(caseId(task), outcome, amount(task, "amountRecovered", false), date(task, "firstMeasureOn", false),
                    date(task, "personalNoticeOn", false), date(task, "assetsUnavailableOn", false),
                    text(task, "enforcementNote", false));
            task.setVariable(OUTCOME_REASON, switch (outcome) {
                case FULL -> "recovered in full by enforcement";
                case PART -> "enforcement recovered part of the claim";
                case NOTHING -> "enforcement recovered nothing";
            });
        };
    }

    @Bean
    TaskListener recordWithdrawal(LegalCases cases) {
        return task -> cases.withdrawn(caseId(task), text(task, "withdrawalNote", false));
    }

    @Bean
    JavaDelegate closeLegalCase(LegalCases cases) {
        return execution -> {
            cases.end(caseId(execution), CourtCaseEnded.Outcome.CLOSED, (String) execution.getVariable(OUTCOME_REASON));
            execution.getProcessInstance().setVariable(LegalInjunctionContract.OUTCOME, CourtCaseEnded.Outcome.CLOSED.name());
        };
    }

    @Bean
    JavaDelegate returnLegalCase(LegalCases cases) {
        return execution -> {
            cases.end(caseId(execution), CourtCaseEnded.Outcome.RETURNED, (String) execution.getVariable(OUTCOME_REASON));
            execution.getProcessInstance().setVariable(LegalInjunctionContract.OUTCOME, CourtCaseEnded.Outcome.RETURNED.name());
        };
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    private static UUID caseId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(CASE_ID));
    }
}

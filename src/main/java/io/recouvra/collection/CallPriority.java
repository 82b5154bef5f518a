package io.recouvra.collection;

import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.Scoring;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * processes/call-priority.dmn: which collector call comes first. Decided each time a call task is
 * created (its first try and every retry), from the customer as it is then; the task gets the priority
 * and a follow-up date, which "Mes appels du jour" sorts and filters by.
 */
@Service
class CallPriority {

    static final String DECISION_KEY = "CallPriority";
    static final String TASK_PRIORITY = "taskPriority";
    static final String FOLLOW_UP_DAYS = "followUpDays";
    /** What a rule that lost an output gives: Camunda's own default priority, and tomorrow as before the table. */
    static final int PRIORITY_WITHOUT_OUTPUT = 50;
    static final int FOLLOW_UP_DAYS_WITHOUT_OUTPUT = 1;
    /** Broken promises count over this many months, as the table's input says. */
    private static final int BROKEN_PROMISES_MONTHS = 12;

    private final DecisionService decisions;
    private final InvoiceService invoices;
    private final Scoring scoring;
    private final PromisesToPay promises;
    private final InsuredInvoices insured;
    private final CollectionCalendar calendar;

    CallPriority(DecisionService decisions, InvoiceService invoices, Scoring scoring, PromisesToPay promises,
                 InsuredInvoices insured, CollectionCalendar calendar) {
        this.decisions = decisions;
        this.invoices = invoices;
        this.scoring = scoring;
        this.promises = promises;
        this.insured = insured;
        this.calendar = calendar;
    }

    /** The table's inputs, for one customer on one day. Null risk class: not scored; null deadline: none pending. */
    record Facts(BigDecimal amountOverdue, int oldestDaysOverdue, String riskClass, int brokenPromises,
                 Integer insuredDeadlineDays) {

        VariableMap asInputs() {
            return Variables.createVariables()
                    .putValue("amountOverdue", amountOverdue.doubleValue())
                    .putValue("oldestDaysOverdue", oldestDaysOverdue)
                    .putValue("riskClass", riskClass)
                    .putValue("brokenPromises", brokenPromises)
                    .putValue("insuredDeadlineDays", insuredDeadlineDays);
        }
    }

    /** What the table decided: the task's priority (0 to 100) and in how many days it is to be followed up. */
    record Rank(int taskPriority, int followUpDays) {
    }

    @Transactional(readOnly = true)
    Facts factsOf(UUID customerId) {
        LocalDate today = calendar.today();
        // overdue from the day after the due date, as on the call sheet
        List<Invoice> overdue = invoices.openOf(customerId).stream().filter(i -> i.getDueDate().isBefore(today)).toList();
        // added as they are: a customer's invoices share one currency in practice (see docs/processes.md)
        BigDecimal amount = overdue.stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        int oldest = overdue.stream().mapToInt(i -> (int) ChronoUnit.DAYS.between(i.getDueDate(), today)).max().orElse(0);
        CreditScore score = scoring.history(customerId, 1).stream().findFirst().orElse(null);
        int broken = promises.countBroken(customerId, today.minusMonths(BROKEN_PROMISES_MONTHS));
        Integer deadlineDays = insured.ofCustomer(customerId).stream()
                .filter(i -> i.status() == InsuredInvoices.Status.WATCHED)
                .map(i -> (int) ChronoUnit.DAYS.between(today, i.declarationDeadline()))
                .min(Integer::compare).orElse(null);
        return new Facts(amount, oldest, score == null ? null : score.getRiskClass().name(), broken, deadlineDays);
    }

    Rank decide(Facts facts) {
        Map<String, Object> outputs = decisions.evaluateDecisionTableByKey(DECISION_KEY, facts.asInputs())
                .getSingleResult().getEntryMap();
        return rankOf(outputs);
    }

    /**
     * The outputs as the task takes them. A table a process owner edited may have lost an output, or give
     * a priority out of Camunda's range: the call is still made, at the default or the nearest bound.
     */
    static Rank rankOf(Map<String, Object> outputs) {
        int priority = number(outputs.get(TASK_PRIORITY), PRIORITY_WITHOUT_OUTPUT);
        int followUp = number(outputs.get(FOLLOW_UP_DAYS), FOLLOW_UP_DAYS_WITHOUT_OUTPUT);
        return new Rank(Math.max(0, Math.min(100, priority)), Math.max(0, followUp));
    }

    /** The follow-up date: the start of that day in the business time zone, so the call is on that day's list from its first hour. */
    Date followUpDate(Rank rank) {
        return calendar.startOf(calendar.today().plusDays(rank.followUpDays()));
    }

    private static int number(Object value, int withoutOutput) {
        return value == null ? withoutOutput : Integer.parseInt(value.toString());
    }
}

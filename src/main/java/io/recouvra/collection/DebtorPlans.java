package io.recouvra.collection;

import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans as the debtor meets them on the portal: the plan offered to it, its acceptance, and a plan it asks
 * for itself. Every call names the customer, and a plan of another customer is not found: the portal passes the
 * customer of its link, never one from the request.
 */
@Service
public class DebtorPlans {

    private static final Logger log = LoggerFactory.getLogger(DebtorPlans.class);
    private static final String ACCEPTANCE_TIMER = "Timer_NotAccepted";
    private static final String APPROVAL_TASK = "Task_ApprovePlan";

    /** Where the plan stands for the debtor. */
    public enum Stage {
        /** Asked for, PaymentPlanPolicy not yet applied (the job executor is on it). */
        BEING_ASSESSED,
        /** A credit manager decides (task "Approve payment plan"). */
        UNDER_REVIEW,
        /** Offered, waiting for the debtor's acceptance until {@link PlanOffer#acceptBy()}. */
        OFFERED,
        /** Offered, but the time to accept is over. */
        EXPIRED,
        /** Accepted: the plan runs (or has ended kept or broken). */
        ACCEPTED,
        /** The policy or the credit manager said no. */
        REFUSED
    }

    public record Instalment(int seq, LocalDate dueDate, BigDecimal amount) {
    }

    public record CoveredInvoice(String number, LocalDate dueDate, BigDecimal outstanding) {
    }

    /**
     * A plan as the debtor reads it. {@code charges} are the late-payment interest and indemnities added to the last
     * instalment (zero when the policy waives them), worked out as of {@code chargesAsOf}; {@code acceptBy} is the
     * last whole day to accept (null unless offered), as the offer message says it.
     */
    public record PlanOffer(UUID id, Stage stage, String currency, BigDecimal total, BigDecimal charges, LocalDate chargesAsOf,
                            List<Instalment> instalments, List<CoveredInvoice> invoices, LocalDate acceptBy) {
    }

    private final PaymentPlans plans;
    private final InvoiceService invoices;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final Clock clock;
    private final int maxInstalments;

    DebtorPlans(PaymentPlans plans, InvoiceService invoices, JdbcTemplate jdbc, RuntimeService runtime,
                ManagementService management, TaskService tasks, Clock clock, PaymentPlanSettings settings) {
        this.maxInstalments = settings.maxInstalments();
        this.plans = plans;
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The most instalments a debtor may ask for (recouvra.payment-plans.max-instalments). */
    public int maxInstalments() {
        return maxInstalments;
    }

    /** The customer's plan, or empty when there is no such plan or it is another customer's. */
    @Transactional(readOnly = true)
    public Optional<PlanOffer> of(UUID customerId, UUID planId) {
        record Row(String status, String currency, BigDecimal total, BigDecimal charges, LocalDate chargesAsOf) {
        }
        Optional<Row> found = jdbc.query("""
                select status, currency, total, charges, charges_as_of from recouvra.payment_plan where id = ? and customer_id = ?""",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class)), planId, customerId).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        ProcessInstance instance = instanceOf(planId);
        Instant deadline = instance == null ? null : acceptanceDeadline(instance);
        Stage stage = switch (row.status()) {
            case "PROPOSED" -> instance != null && tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(APPROVAL_TASK).count() > 0 ? Stage.UNDER_REVIEW : Stage.BEING_ASSESSED;
            // the timer may not have fired yet (the job executor is late or off): the offer ended all the same
            case "OFFERED" -> deadline != null && clock.instant().isBefore(deadline) ? Stage.OFFERED : Stage.EXPIRED;
            case "NOT_ACCEPTED" -> Stage.EXPIRED;
            case "REFUSED" -> Stage.REFUSED;
            default -> Stage.ACCEPTED;
        };
        List<Instalment> instalments = plans.instalments(planId).stream()
                .map(i -> new Instalment(i.seq(), i.dueDate(), i.amount())).toList();
        List<CoveredInvoice> covered = invoices.byNumbers(plans.invoicesOf(planId)).stream()
                .map(i -> new CoveredInvoice(i.getNumber(), i.getDueDate(), i.getOutstanding())).toList();
        // the process waits acceptanceDays from the offer: the last whole day is the one before, as the message says
        LocalDate acceptBy = stage == Stage.OFFERED ? deadline.atZone(clock.getZone()).toLocalDate().minusDays(1) : null;
        return Optional.of(new PlanOffer(planId, stage, row.currency(), row.total(),
                row.charges() == null ? BigDecimal.ZERO : row.charges(), row.chargesAsOf(), instalments, covered, acceptBy));
    }

    /**
     * The debtor accepts the plan offered to it: what {@code POST /api/v1/payment-plans/{id}/accept} does, for the
     * customer's own plan only. A plan no longer (or not yet) waiting for acceptance is a conflict.
     */
    @Transactional
    public void accept(UUID customerId, UUID planId) {
        PlanOffer offer = of(customerId, planId).orElseThrow(() -> new NotFoundException("No payment plan " + planId));
        if (offer.stage() != Stage.OFFERED) {
            throw new ConflictException("planId", "payment plan " + planId + " is " + offer.stage() + ", not waiting for acceptance");
        }
        plans.accept(planId);
    }

    /**
     * The debtor asks for a plan of {@code instalments} monthly instalments from {@code firstDueDate} for some of
     * its open invoices: the same checks and the same process as a plan asked for through the API
     * ({@code POST /api/v1/customers/{id}/payment-plans}), the instalments worked out as for a plan agreed on a call.
     * Problems are named by the fields {@code invoiceNumbers}, {@code planInstalments} and {@code planFirstDate}.
     */
    @Transactional
    public UUID ask(UUID customerId, List<String> invoiceNumbers, int instalments, LocalDate firstDueDate, String requestedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (invoiceNumbers == null || invoiceNumbers.isEmpty()) {
            problems.add(new FieldProblem("invoiceNumbers", "choose at least one invoice"));
            // the other fields are checked all the same, so that the debtor sees every problem at once
            plans.schedule(BigDecimal.ONE, new PaymentPlans.Terms(instalments, firstDueDate, "MONTHLY", null), problems);
            throw new InvalidInputException(problems);
        }
        BigDecimal total = invoices.byNumbers(invoiceNumbers).stream()
                .filter(i -> i.getCustomer().getId().equals(customerId) && !i.getStatus().isClosed())
                .map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        // another customer's or a closed invoice owes nothing here: startRequested refuses it by its field below
        List<PaymentPlans.Instalment> schedule = plans.schedule(total.signum() > 0 ? total : BigDecimal.ONE,
                new PaymentPlans.Terms(instalments, firstDueDate, "MONTHLY", null), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return plans.startRequested(customerId, invoiceNumbers, schedule, requestedBy, "PORTAL");
    }

    /**
     * Applies PaymentPlanPolicy to a plan just asked for, now rather than when the job executor gets to it, so that
     * the debtor sees the offer (or that a credit manager reviews it) on the next page. Call it after the request
     * committed. A step that fails stays with the job executor, which tries again.
     */
    public void assessNow(UUID planId) {
        ProcessInstance instance = instanceOf(planId);
        for (int round = 0; instance != null && round < 5; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // taken by the job executor meanwhile, or failed: it keeps its retries and the executor goes on
                    log.info("Payment plan {}: step left to the job executor ({})", planId, e.getMessage());
                    return;
                }
            }
        }
    }

    private ProcessInstance instanceOf(UUID planId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanContract.PROCESS_KEY)
                .processInstanceBusinessKey(planId.toString()).singleResult();
    }

    private Instant acceptanceDeadline(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(ACCEPTANCE_TIMER).singleResult();
        return timer == null || timer.getDuedate() == null ? null : timer.getDuedate().toInstant();
    }
}

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * What the debtor pays now on an accepted plan: the next unpaid instalment (what is left of it when part was paid),
     * or, when some are overdue, all of those together. {@code dueDate} is the last of them, {@code count} how many;
     * {@code invoices} are the plan's open invoices; {@code shares} spread the amount over the plan's open invoices, oldest due date first (the late-payment debit
     * note, due with the last instalment, last), as a transfer for the instalment is allocated: the plan counts what
     * is allocated to its invoices since it was made ({@link PaymentPlans#paidSince}).
     */
    public record InstalmentDue(UUID planId, LocalDate dueDate, int count, boolean overdue, BigDecimal amount, String currency,
                                List<String> invoices, List<Share> shares) {
    }

    /** Part of an instalment paid to one of the plan's invoices. */
    public record Share(String invoiceNumber, BigDecimal amount) {
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
    private final CollectionCalendar calendar;
    private final int maxInstalments;

    DebtorPlans(PaymentPlans plans, InvoiceService invoices, JdbcTemplate jdbc, RuntimeService runtime,
                ManagementService management, TaskService tasks, Clock clock, CollectionCalendar calendar,
                PaymentPlanSettings settings) {
        this.maxInstalments = settings.maxInstalments();
        this.calendar = calendar;
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
     * What is due now on each of the customer's running plans (status ACTIVE), oldest plan first; a plan paid ahead
     * of its schedule has nothing due and is left out.
     */
    @Transactional(readOnly = true)
    public List<InstalmentDue> instalmentsDue(UUID customerId) {
        List<UUID> active = jdbc.queryForList("""
                select id from recouvra.payment_plan where customer_id = ? and status = 'ACTIVE' order by created_at""",
                UUID.class, customerId);
        List<InstalmentDue> due = new ArrayList<>();
        for (UUID planId : active) {
            instalmentDue(planId).ifPresent(due::add);
        }
        return due;
    }

    /** The invoices of the customer's running plans: paid through their instalments, not one by one. */
    @Transactional(readOnly = true)
    public Set<String> invoicesInRunningPlans(UUID customerId) {
        return Set.copyOf(jdbc.queryForList("""
                select i.invoice_number from recouvra.payment_plan_invoice i join recouvra.payment_plan p on p.id = i.plan_id
                where p.customer_id = ? and p.status = 'ACTIVE'""", String.class, customerId));
    }

    private Optional<InstalmentDue> instalmentDue(UUID planId) {
        PaymentPlans.PlanRow plan = plans.plan(planId);
        // what the process's check counts: allocations to the plan's invoices since the plan was made
        BigDecimal paid = plans.paidSince(planId, plan.createdOn());
        LocalDate today = calendar.today();
        BigDecimal scheduled = BigDecimal.ZERO;
        BigDecimal owedByNow = BigDecimal.ZERO;
        PaymentPlans.Instalment last = null;
        int count = 0;
        for (PaymentPlans.Instalment instalment : plans.instalments(planId)) {
            scheduled = scheduled.add(instalment.amount());
            if (scheduled.compareTo(paid) <= 0) {
                continue; // covered by what was paid
            }
            boolean overdue = instalment.dueDate().isBefore(today);
            if (!overdue && last != null) {
                break; // the overdue ones together, not the next one not yet due
            }
            owedByNow = scheduled;
            last = instalment;
            count++;
            if (!overdue) {
                break; // nothing overdue: the next instalment alone
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        List<Invoice> open = invoices.byNumbers(plans.invoicesOf(planId)).stream().filter(i -> !i.getStatus().isClosed())
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber)).toList();
        List<Share> shares = new ArrayList<>();
        BigDecimal left = owedByNow.subtract(paid);
        for (Invoice invoice : open) {
            BigDecimal share = left.min(invoice.getOutstanding());
            if (share.signum() > 0) {
                shares.add(new Share(invoice.getNumber(), share));
                left = left.subtract(share);
            }
        }
        // a credit note since the plan was made can leave its invoices owing less than the schedule: never ask for more
        BigDecimal amount = shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return amount.signum() == 0 ? Optional.empty() : Optional.of(new InstalmentDue(planId, last.dueDate(), count,
                last.dueDate().isBefore(today), amount, plan.currency(), open.stream().map(Invoice::getNumber).toList(),
                List.copyOf(shares)));
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
     * Problems are named by the fields {@code invoiceNumbers}, {@code planInstalments} and {@code planFirstDate}; an
     * invoice frozen by insolvency proceedings is refused first ({@link DebtorRequestRefused}): only the proceedings'
     * plan may spread it (art. L622-7 C. com.).
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
        List<DebtorRequestRefused.Refusal> frozen = invoices.byNumbers(invoiceNumbers).stream()
                .filter(i -> i.getCustomer().getId().equals(customerId) && !i.getStatus().isClosed() && i.isFrozenByInsolvency())
                .map(i -> DebtorRequestRefused.Refusal.about("invoiceNumbers", DebtorRequestRefused.FROZEN_BY_INSOLVENCY, i.getNumber()))
                .toList();
        DebtorRequestRefused.throwIfAny(frozen);
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

package io.recouvra.collection;

import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerLedger.Allocation;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans: a schedule of instalments for some overdue invoices of one customer, checked when it
 * is asked for, then offered, accepted and watched by the PaymentPlan process (business key = its id).
 */
@Service
@EnableConfigurationProperties(PaymentPlanSettings.class)
public class PaymentPlans {

    /** The terms a collector agrees on the phone: how many instalments, from when, how often, and a first payment. */
    record Terms(int instalments, LocalDate firstDueDate, String frequency, BigDecimal downPayment) {
    }

    record Instalment(int seq, LocalDate dueDate, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final CustomerLedger ledger;
    private final RuntimeService runtime;
    private final InteractionLog interactions;
    private final CollectionCalendar calendar;
    private final Clock clock;
    private final int maxInstalments;

    PaymentPlans(JdbcTemplate jdbc, InvoiceService invoices, CustomerLedger ledger, RuntimeService runtime,
                 InteractionLog interactions, CollectionCalendar calendar, Clock clock, PaymentPlanSettings settings) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.ledger = ledger;
        this.runtime = runtime;
        this.interactions = interactions;
        this.calendar = calendar;
        this.clock = clock;
        this.maxInstalments = settings.maxInstalments();
    }

    /**
     * The instalments for {@code total}: the down payment (if any) first, then equal instalments, the
     * last one taking the cents that do not divide. Every problem is named by its form field.
     */
    List<Instalment> schedule(BigDecimal total, Terms terms, List<FieldProblem> problems) {
        if (terms.instalments() < 1 || terms.instalments() > maxInstalments) {
            problems.add(new FieldProblem("planInstalments", "must be between 1 and " + maxInstalments));
        }
        if (terms.firstDueDate() == null || terms.firstDueDate().isBefore(calendar.today())) {
            problems.add(new FieldProblem("planFirstDate", "must be today or later"));
        }
        if (!"MONTHLY".equals(terms.frequency()) && !"WEEKLY".equals(terms.frequency())) {
            problems.add(new FieldProblem("planFrequency", "must be MONTHLY or WEEKLY"));
        }
        BigDecimal down = terms.downPayment() == null ? BigDecimal.ZERO : terms.downPayment();
        if (down.signum() < 0 || (down.signum() > 0 && (down.compareTo(total) >= 0 || terms.instalments() < 2))) {
            problems.add(new FieldProblem("planDownPayment", "must be less than the " + total
                    + " owed, with at least one instalment after it"));
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        int regular = down.signum() > 0 ? terms.instalments() - 1 : terms.instalments();
        BigDecimal each = total.subtract(down).divide(BigDecimal.valueOf(regular), 2, RoundingMode.DOWN);
        List<Instalment> instalments = new ArrayList<>();
        LocalDate due = terms.firstDueDate();
        BigDecimal left = total;
        for (int seq = 1; seq <= terms.instalments(); seq++) {
            BigDecimal amount = seq == 1 && down.signum() > 0 ? down : seq == terms.instalments() ? left : each;
            instalments.add(new Instalment(seq, due, amount));
            left = left.subtract(amount);
            due = "WEEKLY".equals(terms.frequency()) ? due.plusWeeks(1) : terms.firstDueDate().plusMonths(seq);
        }
        if (instalments.stream().anyMatch(i -> i.amount().signum() <= 0)) {
            problems.add(new FieldProblem("planInstalments", "too many instalments for the " + total + " owed"));
        }
        return instalments;
    }

    /** Stores the plan agreed on a call for the invoices and starts its PaymentPlan process. */
    @Transactional
    UUID start(UUID customerId, List<String> invoiceNumbers, Terms terms) {
        List<Invoice> covered = covered(customerId, invoiceNumbers);
        List<FieldProblem> problems = new ArrayList<>();
        List<Instalment> instalments = schedule(total(covered), terms, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return store(customerId, covered, instalments, terms.frequency(), "CALL");
    }

    /**
     * A plan asked for through the API with its own instalments, which must add up to what the invoices
     * owe. Dunning stops on its invoices until the plan ends, as for a plan agreed on a call.
     */
    @Transactional
    UUID startFromApi(UUID customerId, List<String> invoiceNumbers, List<Instalment> instalments, String requestedBy) {
        return startRequested(customerId, invoiceNumbers, instalments, requestedBy, "API");
    }

    /** A plan asked for by an API client ({@code via} API) or by the debtor on the portal (PORTAL): the same checks. */
    @Transactional
    UUID startRequested(UUID customerId, List<String> invoiceNumbers, List<Instalment> instalments, String requestedBy,
                        String via) {
        List<Invoice> covered = covered(customerId, invoiceNumbers);
        BigDecimal total = total(covered);
        List<FieldProblem> problems = new ArrayList<>();
        if (instalments == null || instalments.isEmpty() || instalments.size() > maxInstalments) {
            problems.add(new FieldProblem("instalments", "give 1 to " + maxInstalments + " instalments"));
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            LocalDate previous = calendar.today().minusDays(1);
            for (int i = 0; i < instalments.size(); i++) {
                Instalment instalment = instalments.get(i);
                if (instalment.dueDate() == null || !instalment.dueDate().isAfter(previous)) {
                    problems.add(new FieldProblem("instalments[" + i + "].dueDate", "must be today or later, after the one before"));
                } else {
                    previous = instalment.dueDate();
                }
                if (instalment.amount() == null || instalment.amount().signum() <= 0) {
                    problems.add(new FieldProblem("instalments[" + i + "].amount", "must be above 0"));
                } else {
                    sum = sum.add(instalment.amount());
                }
            }
            if (problems.isEmpty() && sum.compareTo(total) != 0) {
                problems.add(new FieldProblem("instalments", "add up to " + sum + " but the invoices owe " + total));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Instalment> numbered = new ArrayList<>();
        for (int i = 0; i < instalments.size(); i++) {
            numbered.add(new Instalment(i + 1, instalments.get(i).dueDate(), instalments.get(i).amount().setScale(2, RoundingMode.HALF_UP)));
        }
        UUID id = store(customerId, covered, numbered, "CUSTOM", via);
        for (Invoice invoice : covered) {
            boolean stopped = !runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_PAYMENT_PLAN_REQUESTED).processInstanceBusinessKey(invoice.getNumber())
                    .correlateAllWithResult().isEmpty();
            if (!stopped) {
                // rolls the plan back: escalated, disputed, on hold, already in a plan, or still being assessed
                throw new ConflictException("invoiceNumbers", "invoice " + invoice.getNumber()
                        + " is not in dunning now (escalated, disputed, on hold, in another plan, or still being assessed)");
            }
            interactions.record(customerId, invoice.getId(), Medium.SYSTEM, Direction.INBOUND, Type.NOTE,
                    "Payment plan requested by " + requestedBy + ": dunning stops until it ends", id.toString());
        }
        return id;
    }

    private List<Invoice> covered(UUID customerId, List<String> invoiceNumbers) {
        List<Invoice> covered = invoices.byNumbers(invoiceNumbers == null ? List.of() : invoiceNumbers).stream()
                .filter(i -> !i.getStatus().isClosed() && i.getCustomer().getId().equals(customerId)).toList();
        if (covered.isEmpty() || covered.size() < (invoiceNumbers == null ? 0 : invoiceNumbers.size())
                || covered.stream().map(Invoice::getCurrency).distinct().count() > 1) {
            throw new InvalidInputException("invoiceNumbers", "a plan covers open invoices of the customer, in one currency");
        }
        return covered;
    }

    private static BigDecimal total(List<Invoice> covered) {
        return covered.stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private UUID store(UUID customerId, List<Invoice> covered, List<Instalment> instalments, String frequency, String via) {
        UUID id = UUID.randomUUID();
        BigDecimal total = total(covered);
        jdbc.update("""
                insert into recouvra.payment_plan (id, customer_id, status, total, currency, frequency, requested_via, created_at)
                values (?, ?, 'PROPOSED', ?, ?, ?, ?, ?)""", id, customerId, total, covered.get(0).getCurrency(), frequency, via,
                Timestamp.from(clock.instant()));
        jdbc.batchUpdate("insert into recouvra.payment_plan_invoice (plan_id, invoice_number) values (?, ?)",
                covered.stream().map(i -> new Object[] {id, i.getNumber()}).toList());
        jdbc.batchUpdate("insert into recouvra.payment_plan_instalment (plan_id, seq, due_date, amount) values (?, ?, ?, ?)",
                instalments.stream().map(i -> new Object[] {id, i.seq(), i.dueDate(), i.amount()}).toList());
        runtime.startProcessInstanceByKey(PaymentPlanContract.PROCESS_KEY, id.toString(), Variables.createVariables()
                .putValue("planId", id.toString())
                .putValue("customerId", customerId.toString())
                .putValue("customerName", covered.get(0).getCustomer().getLegalName())
                .putValue("instalmentCount", instalments.size()));
        return id;
    }

    @Transactional(readOnly = true)
    List<Instalment> instalments(UUID planId) {
        return jdbc.query("select seq, due_date, amount from recouvra.payment_plan_instalment where plan_id = ? order by seq",
                (rs, n) -> new Instalment(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)), planId);
    }

    @Transactional(readOnly = true)
    List<String> invoicesOf(UUID planId) {
        return jdbc.queryForList("select invoice_number from recouvra.payment_plan_invoice where plan_id = ? order by invoice_number",
                String.class, planId);
    }

    /** The plans not over yet (proposed, offered or running) that cover this invoice. */
    @Transactional(readOnly = true)
    List<UUID> runningPlansOf(String invoiceNumber) {
        return jdbc.queryForList("""
                select p.id from recouvra.payment_plan p join recouvra.payment_plan_invoice i on i.plan_id = p.id
                where i.invoice_number = ? and p.status in ('PROPOSED', 'OFFERED', 'ACTIVE')""", UUID.class, invoiceNumber);
    }

    @Transactional(readOnly = true)
    PlanRow plan(UUID planId) {
        return jdbc.query("select customer_id, total, currency, frequency, created_at from recouvra.payment_plan where id = ?",
                (rs, n) -> new PlanRow(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant().atZone(clock.getZone()).toLocalDate()), planId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No payment plan " + planId));
    }

    record PlanRow(UUID customerId, BigDecimal total, String currency, String frequency, LocalDate createdOn) {
    }

    /** What was paid to the plan's invoices since it was made. */
    @Transactional(readOnly = true)
    BigDecimal paidSince(UUID planId, LocalDate since) {
        return ledger.allocationsTo(invoicesOf(planId)).stream().filter(allocation -> !allocation.valueDate().isBefore(since))
                .map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Transactional
    void status(UUID planId, String status) {
        boolean ends = List.of("REFUSED", "NOT_ACCEPTED", "COMPLETED", "BROKEN", "STOPPED").contains(status);
        jdbc.update("""
                update recouvra.payment_plan set status = ?,
                    accepted_at = case when ? = 'ACTIVE' then ? else accepted_at end,
                    ended_at = case when ? then ? else ended_at end
                where id = ?""", status, status, Timestamp.from(clock.instant()), ends, Timestamp.from(clock.instant()), planId);
    }

    /** The debtor accepts the offered plan (through an API client: the creditor's portal or ERP). */
    @Transactional
    public void accept(UUID planId) {
        plan(planId);
        boolean heard = !runtime.createMessageCorrelation(PaymentPlanContract.MESSAGE_ACCEPTED).processInstanceBusinessKey(planId.toString())
                .correlateAllWithResult().isEmpty();
        if (!heard) {
            throw new ConflictException("planId", "payment plan " + planId + " is not waiting for acceptance");
        }
    }

    /** Tells each invoice of the plan how the plan ended. */
    void tellInvoices(UUID planId, String outcome) {
        for (String number : invoicesOf(planId)) {
            runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_PAYMENT_PLAN_ENDED).processInstanceBusinessKey(number)
                    .setVariable("planOutcome", outcome).correlateAll();
        }
    }

    static long months(List<Instalment> instalments) {
        return instalments.isEmpty() ? 0 : Math.max(1, ChronoUnit.MONTHS.between(instalments.get(0).dueDate(),
                instalments.get(instalments.size() - 1).dueDate().plusDays(1)) + 1);
    }
}

package io.recouvra.collection;

import io.recouvra.messaging.Channel;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How DisputeMediation ends a dispute: in the ledger (credit notes, the invoice chased again), in the
 * dispute's record (outcome, root cause, credit, resolution time) and to the debtor (DISPUTE_OUTCOME).
 */
@Service
class DisputeResolutions {

    static final Set<String> ROOT_CAUSES = Set.of("PRICING_ERROR", "DELIVERY_PROBLEM", "QUALITY_DEFECT", "BILLING_ERROR",
            "CUSTOMER_MISUNDERSTANDING", "UNJUSTIFIED", "OTHER");
    static final Set<String> DECISIONS = Set.of("CREDIT_ALL", "CREDIT_PART", "REJECT", "ASK_INPUT");
    static final Set<String> MEDIATION_OUTCOMES = Set.of("AGREEMENT", "FAILURE", "EXTERNAL");

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final CreditNoteService creditNotes;
    private final Messages messages;
    private final InteractionLog interactions;
    private final CollectionCalendar calendar;
    private final Clock clock;

    DisputeResolutions(JdbcTemplate jdbc, InvoiceService invoices, CreditNoteService creditNotes, Messages messages,
                       InteractionLog interactions, CollectionCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.messages = messages;
        this.interactions = interactions;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Checks the handler's decision before the review task completes; names the field that is wrong. */
    void checkReview(InvoiceCase invoiceCase, Map<String, Object> form) {
        List<FieldProblem> problems = new ArrayList<>();
        String decision = form.get("disputeDecision") instanceof String text ? text : null;
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException("disputeDecision", "must be one of " + DECISIONS.stream().sorted().toList());
        }
        switch (decision) {
            case "ASK_INPUT" -> {
                if (blank(form.get("inputQuestion"))) {
                    problems.add(new FieldProblem("inputQuestion", "say what the sales or operations side should answer"));
                }
                Object days = form.get("inputDueDays");
                if (!(days instanceof Number n) || n.intValue() < 1 || n.intValue() > 30) {
                    problems.add(new FieldProblem("inputDueDays", "must be between 1 and 30 days"));
                }
            }
            case "CREDIT_PART" -> creditAmount(invoiceCase, form.get("creditNoteAmount"), "creditNoteAmount", false, problems);
            case "REJECT" -> {
                if (blank(form.get("explanation"))) {
                    problems.add(new FieldProblem("explanation", "the debtor is told why: it is required to reject"));
                }
            }
            default -> { }
        }
        if (!"ASK_INPUT".equals(decision) && (form.get("rootCause") == null || !ROOT_CAUSES.contains(form.get("rootCause")))) {
            problems.add(new FieldProblem("rootCause", "must be one of " + ROOT_CAUSES.stream().sorted().toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Checks the mediator's outcome before the mediation task completes. */
    void checkMediation(InvoiceCase invoiceCase, Map<String, Object> form) {
        List<FieldProblem> problems = new ArrayList<>();
        String outcome = form.get("mediationOutcome") instanceof String text ? text : null;
        if (outcome == null || !MEDIATION_OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("mediationOutcome", "must be one of " + MEDIATION_OUTCOMES.stream().sorted().toList());
        }
        switch (outcome) {
            case "AGREEMENT" -> creditAmount(invoiceCase, form.get("agreedCreditAmount"), "agreedCreditAmount", true, problems);
            case "FAILURE" -> {
                if (!"RESUME".equals(form.get("failureRoute")) && !"ESCALATE".equals(form.get("failureRoute"))) {
                    problems.add(new FieldProblem("failureRoute", "must be RESUME (back to dunning) or ESCALATE"));
                }
            }
            default -> {
                LocalDate date = FormValues.date(form.get("followUpDate"));
                if (date == null) {
                    problems.add(new FieldProblem("followUpDate", "must be a date (yyyy-mm-dd)"));
                } else if (!date.isAfter(calendar.today())) {
                    problems.add(new FieldProblem("followUpDate", "must be a day after today"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Applies one way of ending (or answering) the dispute, as the model's {@code resolution} says, and
     * returns the variables for the process: {@code disputeOutcome} (RESUME, CANCELLED, ESCALATE) once it ends.
     */
    @Transactional
    Map<String, Object> resolve(InvoiceCase invoiceCase, UUID disputeId, String resolution, Map<String, Object> form) {
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        Map<String, Object> result = new HashMap<>();
        switch (resolution) {
            case "CREDIT_ALL" -> {
                BigDecimal owed = invoice.getOutstanding();
                credit(invoiceCase, owed, (String) form.get("explanation"));
                messages.cancelPending(invoiceCase.number());
                close(disputeId, "ACCEPTED", owed, (String) form.get("rootCause"));
                tell(invoiceCase, disputeId, "ACCEPTED", owed, invoice.getCurrency(), (String) form.get("explanation"));
                result.put("disputeOutcome", "CANCELLED");
            }
            case "CREDIT_PART" -> {
                BigDecimal amount = creditAmount(invoiceCase, form.get("creditNoteAmount"), "creditNoteAmount", false, null);
                credit(invoiceCase, amount, (String) form.get("explanation"));
                close(disputeId, "PARTLY_ACCEPTED", amount, (String) form.get("rootCause"));
                tell(invoiceCase, disputeId, "PARTLY_ACCEPTED", amount, invoice.getCurrency(), (String) form.get("explanation"));
                result.put("disputeOutcome", resume(invoiceCase));
            }
            case "REJECTED" -> {
                jdbc.update("update recouvra.dispute set root_cause = ? where id = ?", form.get("rootCause"), disputeId);
                tell(invoiceCase, disputeId, "REJECTED", null, invoice.getCurrency(), (String) form.get("explanation"));
            }
            case "REJECTION_STANDS" -> {
                close(disputeId, "REJECTED", null, null);
                result.put("disputeOutcome", resume(invoiceCase));
            }
            case "AGREEMENT" -> {
                BigDecimal amount = creditAmount(invoiceCase, form.get("agreedCreditAmount"), "agreedCreditAmount", true, null);
                boolean all = amount.compareTo(invoice.getOutstanding()) == 0;
                if (amount.signum() > 0) {
                    credit(invoiceCase, amount, "mediation agreement: " + nullToEmpty(form.get("mediationNote")));
                    tell(invoiceCase, disputeId, all ? "ACCEPTED" : "PARTLY_ACCEPTED", amount, invoice.getCurrency(),
                            (String) form.get("mediationNote"));
                }
                close(disputeId, "MEDIATED", amount, null);
                result.put("disputeOutcome", all ? "CANCELLED" : resume(invoiceCase));
            }
            case "MEDIATION_FAILED" -> {
                close(disputeId, "MEDIATION_FAILED", null, null);
                resume(invoiceCase);
                result.put("disputeOutcome", form.get("failureRoute"));
            }
            default -> throw new IllegalArgumentException("no dispute resolution " + resolution
                    + ": the model's input parameter 'resolution' names one of the cases of DisputeResolutions.resolve");
        }
        return result;
    }

    /** The debtor contests the rejection: noted on the dispute, and on the customer's trail. */
    @Transactional
    void contested(UUID disputeId, String reason) {
        jdbc.update("update recouvra.dispute set contested_at = ? where id = ?", Timestamp.from(clock.instant()), disputeId);
        Map<String, Object> dispute = jdbc.queryForMap("select customer_id, invoice_id from recouvra.dispute where id = ?", disputeId);
        interactions.record((UUID) dispute.get("customer_id"), (UUID) dispute.get("invoice_id"), Medium.SYSTEM,
                Direction.INBOUND, Type.DISPUTE, "Dispute rejection contested", reason);
    }

    private String resume(InvoiceCase invoiceCase) {
        invoices.resume(invoiceCase.number());
        return "RESUME";
    }

    private void credit(InvoiceCase invoiceCase, BigDecimal amount, String note) {
        String prefix = "AV-" + invoiceCase.number();
        creditNotes.register(new NewCreditNote(
                prefix.substring(0, Math.min(prefix.length(), 55)) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                invoiceCase.number(), amount, calendar.today(), note == null || note.isBlank() ? "dispute" : "dispute: " + note.strip()));
    }

    private void close(UUID disputeId, String outcome, BigDecimal credited, String rootCause) {
        jdbc.update("""
                update recouvra.dispute set resolved_at = ?, outcome = ?, credited = ?, root_cause = coalesce(?, root_cause)
                where id = ?""", Timestamp.from(clock.instant()), outcome, credited, rootCause, disputeId);
    }

    private void tell(InvoiceCase invoiceCase, UUID disputeId, String outcome, BigDecimal credited, String currency, String explanation) {
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        Locale locale = Texts.localeOf(invoice.getCustomer());
        // kept with the dispute, for the debtor to read again on the portal
        jdbc.update("update recouvra.dispute set answer = ?, answered_at = ?, answer_explanation = ? where id = ?", outcome,
                Timestamp.from(clock.instant()), explanation == null || explanation.isBlank() ? null
                        : explanation.strip().substring(0, Math.min(explanation.strip().length(), 2000)), disputeId);
        messages.enqueue(invoiceCase.number(), "dispute-outcome-" + disputeId.toString().substring(0, 8) + "-" + outcome, Channel.EMAIL,
                MessageKind.DISPUTE_OUTCOME, Tone.COURTEOUS, invoiceCase.customerId(), invoiceCase.invoiceId(), clock.instant(),
                Map.of("disputeOutcome", outcome,
                        "creditedAmount", credited == null ? "" : Texts.money(credited, currency, locale),
                        "explanation", explanation == null ? "" : explanation.strip()));
    }

    /** A credit amount from a form: positive (or zero when allowed), at most what is still owed. */
    private BigDecimal creditAmount(InvoiceCase invoiceCase, Object value, String field, boolean zeroAllowed,
                                    List<FieldProblem> problems) {
        BigDecimal amount = FormValues.amount(value);
        BigDecimal owed = invoices.get(invoiceCase.invoiceId()).getOutstanding();
        String problem = amount == null || amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)
                ? "must be an amount" + (zeroAllowed ? " (0 for none)" : " above 0")
                : amount.compareTo(owed) > 0 ? "is more than the " + owed + " still owed"
                : !zeroAllowed && amount.compareTo(owed) == 0 ? "is all that is owed: credit the whole invoice instead" : null;
        if (problem != null) {
            if (problems == null) {
                throw new InvalidInputException(field, problem);
            }
            problems.add(new FieldProblem(field, problem));
        }
        return amount;
    }


    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}

package io.recouvra.guarantee;

import static io.recouvra.guarantee.GuaranteeCallContract.BANK_REFERENCE;
import static io.recouvra.guarantee.GuaranteeCallContract.CALL_ID;
import static io.recouvra.guarantee.GuaranteeCallContract.PAID_AMOUNT;
import static io.recouvra.guarantee.GuaranteeCallContract.PAID_ON;
import static io.recouvra.guarantee.GuaranteeCallContract.REFUSAL_REASON;

import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.MessageSent;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PreparedLetter;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.Payment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calling a guarantee on an unpaid invoice: which guarantee, for how much, the letter, and the answer (the payment
 * booked with the subrogation noted, or the refusal). The process around it is GuaranteeCall ({@link GuaranteeCallContract}).
 */
@Service
public class GuaranteeCalls {

    /**
     * One call as stored.
     *
     * @param claimed     the sum called on the day of the call ({@link GuaranteeClaim#total()}): for a personal guarantee the
     *                    principal and its accessories less what an uninformed natural-person guarantor does not owe, for a
     *                    first-demand guarantee the principal; either within the guarantee's cap left
     * @param answerDueOn the last day to answer: {@code answer-within} after the call until the letter is posted, then after
     *                    the posting
     * @param postedAt    when the postal service took the letter (null until then)
     */
    public record Call(UUID id, UUID guaranteeId, String invoiceNumber, BigDecimal claimed, String currency, LocalDate calledOn,
                       LocalDate answerDueOn, String outcome, BigDecimal paid, UUID paymentId, String refusalReason,
                       Instant postedAt) {
    }

    /** The outbox case of a call's letter: one letter per call, whatever else goes out about the invoice. */
    static final String LETTER_CASE_PREFIX = "guarantee-call-";
    private static final String LETTER_STEP = "call-letter";

    private final Guarantees guarantees;
    private final GuaranteeCallLetter letters;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final InteractionLog interactions;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Messages messages;
    private final JdbcTemplate jdbc;
    private final LatePaymentClaims lateClaims;
    private final GuaranteeSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    GuaranteeCalls(Guarantees guarantees, GuaranteeCallLetter letters, InvoiceService invoices, PaymentService payments,
                   InteractionLog interactions, RuntimeService runtime, ManagementService management, Messages messages,
                   JdbcTemplate jdbc, LatePaymentClaims lateClaims, GuaranteeSettings settings, Clock clock,
                   @Value("${recouvra.zone}") ZoneId zone) {
        this.lateClaims = lateClaims;
        this.management = management;
        this.messages = messages;
        this.guarantees = guarantees;
        this.letters = letters;
        this.invoices = invoices;
        this.payments = payments;
        this.interactions = interactions;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * EscalationRoute's input "a valid guarantee covers the debt": a guarantee could be called on this invoice today.
     *
     * @param debtorPursuedInCourt an injunction to pay against the debtor for this invoice came back unpaid: a simple
     *                             guarantee may then be called whatever {@code simple-guarantee-call} says
     */
    @Transactional(readOnly = true)
    public boolean callableFor(String invoiceNumber, boolean debtorPursuedInCourt) {
        return invoices.find(invoiceNumber).flatMap(invoice -> choose(invoice, today(), debtorPursuedInCourt)).isPresent();
    }

    /**
     * The guarantee to call on the invoice: one in force today, not called already, with a cap left, of a kind a letter
     * calls (a personal or a first-demand guarantee), in the invoice's currency, and for a simple personal guarantee
     * when {@link SimpleGuaranteeCall} allows it; the invoice's own before the account's, then the one ending first (it
     * will not be there for long).
     */
    private Optional<Guarantee> choose(Invoice invoice, LocalDate day, boolean debtorPursuedInCourt) {
        if (invoice.getStatus().isClosed() || invoice.getOutstanding().signum() <= 0) {
            return Optional.empty();
        }
        return guarantees.ofCustomer(invoice.getCustomer().getId()).stream()
                .filter(g -> g.kind().callable() && g.status() == Guarantee.Status.ACTIVE && g.validOn(day))
                .filter(g -> settings.simpleGuaranteeCall().allows(g, debtorPursuedInCourt))
                .filter(g -> g.currency().equals(invoice.getCurrency()) && g.capLeft().signum() > 0)
                .filter(g -> g.invoiceId() == null || g.invoiceId().equals(invoice.getId()))
                .min(Comparator.comparing((Guarantee g) -> g.invoiceId() == null)
                        .thenComparing(g -> g.endsOn() == null ? LocalDate.MAX : g.endsOn()));
    }

    /**
     * Calls a guarantee on the invoice: the letter (PDF) for the guarantor or the bank, kept with the call, the guarantee
     * marked called and the call on the trail. Empty when no guarantee can be called any more (it ended, or was
     * refused, since the route was chosen).
     */
    @Transactional(noRollbackFor = MissingLatePaymentRate.class) // its step waits for the rate, its transaction commits
    Optional<Call> call(String invoiceNumber, boolean debtorPursuedInCourt) {
        Invoice invoice = invoices.get(invoiceNumber);
        LocalDate today = today();
        Optional<Guarantee> chosen = choose(invoice, today, debtorPursuedInCourt);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Guarantee guarantee = guarantees.lock(chosen.get().id());
        GuaranteeClaim claim = claimFor(guarantee, invoice, today);
        BigDecimal claimed = claim.total();
        // provisional: the deadline runs from the posting, which moves it (posted)
        LocalDate answerDueOn = today.plus(settings.answerWithin());
        byte[] letter = letters.render(guarantee, invoice, claim, today, settings.answerWithin(), debtorPursuedInCourt);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.guarantee_call (id, guarantee_id, invoice_id, invoice_number, claimed, currency, called_on,
                    answer_due_on, letter)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, guarantee.id(), invoice.getId(), invoice.getNumber(), claimed, invoice.getCurrency(), today, answerDueOn, letter);
        messages.enqueueLetter(LETTER_CASE_PREFIX + id, LETTER_STEP, MessageKind.GUARANTOR_LETTER, invoice.getCustomer().getId(),
                invoice.getId(), new PreparedLetter(guarantee.providerName() + "\n" + guarantee.providerAddress().strip(),
                        (guarantee.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE ? "Appel de la garantie à première demande"
                                : "Mise en jeu du cautionnement") + " : facture " + invoice.getNumber(), letter));
        guarantees.setStatus(guarantee.id(), Guarantee.Status.CALLED);
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.LETTER, Direction.OUTBOUND, Type.ESCALATION,
                "Guarantee called: " + AmountDisplay.of(claimed, invoice.getCurrency()) + " claimed from " + guarantee.providerName()
                        + " by registered letter, handed to the outbox; answer due within " + settings.answerWithin()
                        + " of its posting (" + invoice.getNumber() + ")",
                Guarantees.describe(guarantee) + "\n" + describe(claim));
        return Optional.of(get(id));
    }

    /**
     * What a call on the invoice claims from the guarantee on that day (see {@link GuaranteeClaim}): the late-payment
     * interest and the indemnity as {@link LatePaymentClaims} computes them for a formal notice, the forfeiture from the
     * information letters the register records (art. 2302: every annual information sent; art. 2303: the first-default
     * notice's day); the principal alone for a guarantee limited to it. Fails with {@code MissingLatePaymentRate} when a
     * half-year's rates are not recorded.
     */
    GuaranteeClaim claimFor(Guarantee guarantee, Invoice invoice, LocalDate day) {
        if (guarantee.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE) {
            return GuaranteeClaim.firstDemand(invoice.getCurrency(), invoice.getOutstanding(), guarantee.capLeft());
        }
        if (guarantee.principalOnly()) {
            return GuaranteeClaim.principalOnly(invoice.getCurrency(), invoice.getOutstanding(), guarantee.capLeft());
        }
        LatePaymentClaims.InvoiceClaim owed = lateClaims.claim(List.of(invoice), day).invoices().get(0);
        return GuaranteeClaim.personal(owed, guarantee.capLeft(), GuaranteeClaim.forfeitures(guarantee,
                guarantees.annualInformation(guarantee.id()), invoice.getDueDate(), guarantees.firstDefaultNotifiedOn(guarantee.id()), day,
                settings.firstDefaultNoticeGrace()));
    }

    /** The claim's parts, for the trail. */
    private static String describe(GuaranteeClaim claim) {
        String currency = claim.currency();
        StringBuilder text = new StringBuilder("Claimed: principal ").append(AmountDisplay.of(claim.principal(), currency));
        if (claim.kind() == GuaranteeKind.PERSONAL_GUARANTEE && !claim.withAccessories()) {
            text.append(" only (the guarantee excludes interest and accessories, art. 2295 C. civ.)");
        }
        if (claim.withAccessories()) {
            text.append(", interest ").append(AmountDisplay.of(claim.interest(), currency))
                    .append(", indemnity ").append(AmountDisplay.of(claim.indemnityEur(), "EUR"));
            for (GuaranteeClaim.Forfeiture forfeiture : claim.forfeitures()) {
                text.append("; forfeited under art. ").append(forfeiture.rule() == GuaranteeClaim.Rule.ANNUAL_INFORMATION ? "2302" : "2303")
                        .append(" C. civ. from ").append(forfeiture.after().plusDays(1)).append(" to ").append(forfeiture.until());
            }
            if (claim.forfeitedInterest().signum() > 0 || claim.forfeitedIndemnityEur().signum() > 0) {
                text.append("; less ").append(AmountDisplay.of(claim.forfeitedInterest(), currency)).append(" interest and ")
                        .append(AmountDisplay.of(claim.forfeitedIndemnityEur(), "EUR")).append(" indemnity forfeited");
            }
        }
        text.append("; owed ").append(AmountDisplay.of(claim.owed(), currency));
        if (claim.capped()) {
            text.append(", called within the cap left: ").append(AmountDisplay.of(claim.total(), currency));
        }
        return text.toString();
    }

    /**
     * The postal service took the call's letter: the posting is recorded on the call (once) and the deadline to answer
     * now runs from the posting day, in the call and in the waiting process's timer.
     */
    @EventListener
    @Transactional
    public void posted(MessageSent sent) {
        if (sent.kind() != MessageKind.GUARANTOR_LETTER || !sent.caseRef().startsWith(LETTER_CASE_PREFIX)) {
            return;
        }
        UUID callId = UUID.fromString(sent.caseRef().substring(LETTER_CASE_PREFIX.length()));
        LocalDate postedOn = LocalDate.ofInstant(sent.sentAt(), zone);
        LocalDate answerDueOn = postedOn.plus(settings.answerWithin());
        int recorded = jdbc.update("""
                update recouvra.guarantee_call set posted_at = ?, letter_message_id = ?,
                    answer_due_on = case when outcome is null then ? else answer_due_on end
                where id = ? and posted_at is null""", Timestamp.from(sent.sentAt()), sent.messageId(), answerDueOn, callId);
        if (recorded == 0) {
            return;
        }
        Call call = get(callId);
        Invoice invoice = invoices.get(call.invoiceNumber());
        String movedTo = call.outcome() == null ? moveDeadline(call) : null;
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.LETTER, Direction.OUTBOUND, Type.ESCALATION,
                "Guarantee call letter posted on " + postedOn + (movedTo == null ? "" : ": answer due by " + movedTo)
                        + " (" + invoice.getNumber() + ")", null);
    }

    /** The waiting call's timer and variable follow the deadline counted from the posting; answers the new last day. */
    private String moveDeadline(Call call) {
        Instant endOfLastDay = call.answerDueOn().plusDays(1).atStartOfDay(zone).toInstant();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(GuaranteeCallContract.PROCESS_KEY)
                .processInstanceBusinessKey(call.invoiceNumber()).variableValueEquals(CALL_ID, call.id().toString()).list()) {
            runtime.setVariable(instance.getId(), GuaranteeCallContract.ANSWER_DUE_AT,
                    endOfLastDay.atZone(zone).toOffsetDateTime().toString());
            management.createJobQuery().processInstanceId(instance.getId()).timers().list()
                    .forEach(timer -> management.setJobDuedate(timer.getId(), Date.from(endOfLastDay)));
        }
        return call.answerDueOn().toString();
    }

    /** The guarantor or the bank paid (API): checked, then told to the call's process, which books it. */
    @Transactional
    public void reportPayment(UUID callId, BigDecimal amount, LocalDate valueDate, String bankReference) {
        Call call = get(callId);
        List<FieldProblem> problems = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amount", "is required, above 0, with at most 2 decimals"));
        } else if (amount.compareTo(call.claimed()) > 0) {
            problems.add(new FieldProblem("amount", "must not exceed the amount claimed, " + AmountDisplay.of(call.claimed(), call.currency())));
        }
        if (valueDate == null) {
            problems.add(new FieldProblem("valueDate", "is required: the day the money was received"));
        }
        if (bankReference == null || bankReference.isBlank() || bankReference.length() > 80) {
            problems.add(new FieldProblem("bankReference", "is required, at most 80 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        correlate(call, GuaranteeCallContract.MESSAGE_GUARANTEE_PAID, Variables.createVariables()
                .putValue(PAID_AMOUNT, amount.toPlainString()).putValue(PAID_ON, valueDate.toString())
                .putValue(BANK_REFERENCE, bankReference.strip()));
    }

    /** The guarantor or the bank refused (API): told to the call's process. */
    @Transactional
    public void reportRefusal(UUID callId, String reason) {
        Call call = get(callId);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "is required, at most 2000 characters: what the guarantor or the bank answered");
        }
        correlate(call, GuaranteeCallContract.MESSAGE_GUARANTEE_REFUSED, Variables.createVariables().putValue(REFUSAL_REASON, reason.strip()));
    }

    private void correlate(Call call, String message, Map<String, Object> variables) {
        if (call.outcome() != null) {
            throw new ConflictException("callId", "the call was already answered: " + call.outcome());
        }
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(call.invoiceNumber()).messageEventSubscriptionName(message)
                .processVariableValueEquals(CALL_ID, call.id().toString()).count() > 0;
        if (!waiting) {
            throw new ConflictException("callId", "the call no longer waits for an answer (its deadline passed); book a late payment as a payment");
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(call.invoiceNumber())
                .processInstanceVariableEquals(CALL_ID, call.id().toString()).setVariables(variables).correlate();
    }

    /**
     * Books the guarantor's payment on the invoice, notes the subrogation on the payment (its bank reference) and on the
     * trail, and lowers the guarantee's cap left.
     */
    @Transactional
    void book(UUID callId, BigDecimal amount, LocalDate valueDate, String bankReference) {
        Call call = get(callId);
        Guarantee guarantee = guarantees.lock(call.guaranteeId());
        Invoice invoice = invoices.get(call.invoiceNumber());
        BigDecimal applied = amount.min(invoice.getOutstanding());
        String reference = "GUARANTEE " + bankReference;
        Payment payment = payments.register(new NewPayment(invoice.getCustomer().getId(), amount, call.currency(), valueDate,
                reference.length() > 100 ? reference.substring(0, 100) : reference,
                applied.signum() > 0 ? List.of(new NewPayment.Allocation(invoice.getNumber(), applied)) : List.of()));
        jdbc.update("update recouvra.guarantee_call set outcome = 'PAID', paid = ?, payment_id = ?, answered_at = ? where id = ?",
                amount, payment.getId(), Timestamp.from(clock.instant()), callId);
        guarantees.addPaidOut(guarantee.id(), amount);
        guarantees.setStatus(guarantee.id(), guarantee.capLeft().compareTo(amount) <= 0 ? Guarantee.Status.EXHAUSTED : Guarantee.Status.ACTIVE);
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INBOUND, Type.ESCALATION,
                "Guarantee paid: " + AmountDisplay.of(amount, call.currency()) + " by " + guarantee.providerName() + " on " + valueDate
                        + " (" + invoice.getNumber() + ")", recourse(guarantee, amount, call.currency()));
    }

    /** What the payer gains by paying, written on the trail: the law differs between a guarantor and a bank. */
    private static String recourse(Guarantee guarantee, BigDecimal amount, String currency) {
        return guarantee.kind() == GuaranteeKind.PERSONAL_GUARANTEE
                ? "Subrogation: " + guarantee.providerName() + " is subrogated in the creditor's rights against the debtor for "
                        + AmountDisplay.of(amount, currency) + " (art. 2309 C. civ.); the creditor keeps its rights, first, for what remains"
                        + " owed (art. 1346-3 C. civ.)."
                : "Paid on first demand under the bank's own, autonomous commitment (art. 2321 C. civ.): the debtor's debt is reduced by "
                        + AmountDisplay.of(amount, currency) + "; the bank's recourse against the debtor who ordered the guarantee is theirs to settle.";
    }

    @Transactional
    void refused(UUID callId, String reason) {
        answeredWithout(callId, "REFUSED", reason, "Guarantee call refused by ");
    }

    @Transactional
    void unanswered(UUID callId) {
        answeredWithout(callId, "NO_ANSWER", null, "Guarantee call unanswered by the deadline by ");
    }

    /** A refusal or the deadline passed: the guarantee is not called again by the escalation; a credit manager decides. */
    private void answeredWithout(UUID callId, String outcome, String reason, String summary) {
        Call call = get(callId);
        Guarantee guarantee = guarantees.lock(call.guaranteeId());
        jdbc.update("update recouvra.guarantee_call set outcome = ?, refusal_reason = ?, answered_at = ? where id = ?",
                outcome, reason, Timestamp.from(clock.instant()), callId);
        guarantees.setStatus(guarantee.id(), Guarantee.Status.REFUSED);
        Invoice invoice = invoices.get(call.invoiceNumber());
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INBOUND, Type.ESCALATION,
                summary + guarantee.providerName() + " (" + invoice.getNumber() + ")", reason);
    }

    /** Whether the call's invoice is settled, for the call's end: nothing more to collect. */
    @Transactional(readOnly = true)
    boolean invoiceSettled(String invoiceNumber) {
        Invoice invoice = invoices.get(invoiceNumber);
        return invoice.getStatus().isClosed() || invoice.getOutstanding().signum() <= 0;
    }

    @Transactional(readOnly = true)
    public Call get(UUID id) {
        return jdbc.query("""
                select id, guarantee_id, invoice_number, claimed, currency, called_on, answer_due_on, outcome, paid, payment_id,
                    refusal_reason, posted_at from recouvra.guarantee_call where id = ?""", (rs, n) -> new Call(rs.getObject("id", UUID.class),
                        rs.getObject("guarantee_id", UUID.class), rs.getString("invoice_number"), rs.getBigDecimal("claimed"),
                        rs.getString("currency"), rs.getObject("called_on", LocalDate.class), rs.getObject("answer_due_on", LocalDate.class),
                        rs.getString("outcome"), rs.getBigDecimal("paid"), rs.getObject("payment_id", UUID.class),
                        rs.getString("refusal_reason"), instant(rs.getTimestamp("posted_at"))), id)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No guarantee call " + id));
    }

    @Transactional(readOnly = true)
    public List<UUID> ofInvoice(String invoiceNumber) {
        return jdbc.queryForList("select id from recouvra.guarantee_call where invoice_number = ? order by called_on, id",
                UUID.class, invoiceNumber);
    }

    @Transactional(readOnly = true)
    public byte[] letter(UUID callId) {
        get(callId);
        return jdbc.queryForObject("select letter from recouvra.guarantee_call where id = ?", byte[].class, callId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

package io.recouvra.collection;

import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.interest.InterestLines;
import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.interest.LatePaymentClaims.Claim;
import io.recouvra.messaging.Channel;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.Scoring;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dunning steps of an invoice: what the customer is like, and each message it is sent. */
@Service
class Dunning {

    /** A score this young is reused rather than asking the bureau again. */
    private static final Duration FRESH_SCORE = Duration.ofDays(1);

    private final Scoring scoring;
    private final InvoiceService invoices;
    private final PromisesToPay promises;
    private final Messages messages;
    private final LatePaymentClaims claims;
    private final InteractionLog interactions;
    private final CollectionCalendar calendar;
    private final Clock clock;
    private final InsuredInvoices insuredInvoices;
    private final RecoveryStages stages;

    Dunning(InsuredInvoices insuredInvoices, Scoring scoring, InvoiceService invoices, PromisesToPay promises, Messages messages, LatePaymentClaims claims,
            InteractionLog interactions, CollectionCalendar calendar, Clock clock, RecoveryStages stages) {
        this.stages = stages;
        this.scoring = scoring;
        this.invoices = invoices;
        this.promises = promises;
        this.messages = messages;
        this.claims = claims;
        this.interactions = interactions;
        this.calendar = calendar;
        this.clock = clock;
        this.insuredInvoices = insuredInvoices;
    }

    /** The inputs of DunningStrategy for this invoice and its customer, read from the ledger and the score. */
    @Transactional
    Map<String, Object> assess(InvoiceCase invoiceCase) {
        CreditScore score = freshScore(invoiceCase.customerId());
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        Customer customer = invoice.getCustomer();
        LocalDate yearAgo = calendar.today().minusYears(1);
        Map<String, Object> facts = new HashMap<>();
        facts.put("amount", invoice.getAmount().toPlainString());
        facts.put(InvoiceCollectionContract.RISK_CLASS, score.getRiskClass().name());
        facts.put("score", score.getScore());
        facts.put("customerType", customer.getCustomerType());
        facts.put("insured", insuredInvoices.isInsured(invoiceCase.number()));
        facts.put("latePayments", (int) invoices.countPaidLateSince(customer.getId(), yearAgo));
        facts.put("brokenPromises", promises.countBroken(customer.getId(), yearAgo));
        return facts;
    }

    CreditScore freshScore(UUID customerId) {
        return scoring.history(customerId, 1).stream()
                .filter(score -> score.getScoredAt().isAfter(clock.instant().minus(FRESH_SCORE)))
                .findFirst().orElseGet(() -> scoring.score(customerId));
    }

    @Transactional
    void preDueReminder(InvoiceCase invoiceCase, Map<String, Object> strategy) {
        // whether the discount still applies is seen when the reminder is written, from the ledger as it is then
        send(invoiceCase, "pre-due", MessageKind.PRE_DUE_REMINDER, (String) strategy.get(StrategyMessages.PRE_DUE_CHANNELS),
                Tone.COURTEOUS, StrategyMessages.preDueOffersDiscount(strategy) ? Map.of()
                        : Map.of(Messages.DISCOUNT_OFFER, Messages.NO_DISCOUNT_OFFER));
        stages.reached(invoiceCase.invoiceId(), RecoveryStages.PRE_DUE_REMINDER);
    }

    /** Sends reminder level {@code level}: templates exist for three levels, later levels reuse the third. */
    @Transactional
    void reminder(InvoiceCase invoiceCase, int level, Map<String, Object> strategy) {
        MessageKind kind = StrategyMessages.reminderKind(level);
        String channels = (String) strategy.get("level" + level + "Channels");
        send(invoiceCase, "reminder-" + level, kind, channels != null ? channels : "EMAIL",
                Tone.valueOf((String) strategy.get("tone")), Map.of());
        stages.reached(invoiceCase.invoiceId(), RecoveryStages.reminder(level));
    }

    /**
     * Sends the formal notice by registered letter and email and returns the day by which the debtor must
     * pay. Every figure is taken here, at one moment, when the notice is decided: the principal still due,
     * the interest "arrêtés au" that day with its period lines, and the letter's date, which is that day;
     * the letter shows them as they were then, whenever it is rendered and sent. {@code number} counts the
     * notices of the invoice: one that a dispute or a hold stopped before it went out is sent again, as a
     * new step, once dunning resumes.
     */
    @Transactional(noRollbackFor = MissingLatePaymentRate.class)
    LocalDate formalNotice(InvoiceCase invoiceCase, int number, int paymentDeadlineDays) {
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        LocalDate asOf = calendar.today();
        Claim claim = claims.claim(List.of(invoice), asOf);
        LocalDate deadline = asOf.plusDays(paymentDeadlineDays);
        Customer customer = invoice.getCustomer();
        Locale locale = Texts.localeOf(customer);
        Map<String, String> parameters = Map.of(
                "principal", Texts.money(claim.principal(), claim.currency(), locale),
                "interest", Texts.money(claim.interest(), claim.currency(), locale),
                "indemnity", Texts.money(claim.indemnityEur(), "EUR", locale),
                "totalClaim", Texts.money(claim.total(), claim.currency(), locale)
                        + ("EUR".equals(claim.currency()) ? "" : " + " + Texts.money(claim.indemnityEur(), "EUR", locale)),
                "paymentDeadline", Texts.date(deadline, locale),
                "letterDate", Texts.date(asOf, locale),
                InterestLines.PARAMETER, InterestLines.json(claim.invoices().get(0).periods(), claim.currency(), locale));
        send(invoiceCase, number == 1 ? "formal-notice" : "formal-notice-" + number, MessageKind.FORMAL_NOTICE,
                StrategyMessages.FORMAL_NOTICE_CHANNELS, Tone.FORMAL, parameters);
        stages.reached(invoiceCase.invoiceId(), RecoveryStages.FORMAL_NOTICE);
        return deadline;
    }

    /**
     * The promised day (and its grace) passed with the invoice still open. A promise is kept when the
     * customer paid at least the promised amount since making it (a part payment may leave this invoice
     * open); otherwise it is broken: noted once per promise, and the debtor is told once.
     */
    @Transactional
    void checkPromise(InvoiceCase invoiceCase, UUID promiseId, String promisedAmount, LocalDate promisedDate) {
        if (promises.keptIfPaid(promiseId) || !promises.breakPromise(promiseId)) {
            return;
        }
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        Locale locale = Texts.localeOf(invoice.getCustomer());
        interactions.record(invoiceCase.customerId(), invoiceCase.invoiceId(), Medium.SYSTEM, Direction.INTERNAL,
                Type.BROKEN_PROMISE, "Promise to pay " + promisedAmount + " by " + promisedDate + " broken", null);
        messages.enqueue("promise-" + promiseId, "broken-promise", Channel.EMAIL, MessageKind.BROKEN_PROMISE, Tone.FIRM,
                invoiceCase.customerId(), invoiceCase.invoiceId(), clock.instant(), Map.of(
                        "promisedAmount", Texts.money(new BigDecimal(promisedAmount), invoice.getCurrency(), locale),
                        "promisedDate", Texts.date(promisedDate, locale)));
    }

    @Transactional
    void cancelPendingMessages(InvoiceCase invoiceCase) {
        messages.cancelPending(invoiceCase.number());
    }

    private void send(InvoiceCase invoiceCase, String step, MessageKind kind, String channels, Tone tone,
                      Map<String, String> parameters) {
        for (String channel : StrategyMessages.channels(channels)) {
            messages.enqueue(invoiceCase.number(), step, Channel.valueOf(channel), kind, tone, invoiceCase.customerId(),
                    invoiceCase.invoiceId(), clock.instant(), parameters);
        }
    }

}

package io.recouvra.legal;

import io.recouvra.database.WaitingInstances;
import io.recouvra.legal.LegalCase.Stage;
import io.recouvra.legal.Prescriptions.Act;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.recouvra.legal.LegalCase.ServiceMode;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The injunction to pay of one invoice (articles 1405 et seq. of the Code de procédure civile), step
 * by step as the LegalInjunction process and the legal officers move it: the request, the filing, the
 * order (issued with the enforceable formula since decree 2021-1322), its service, the opposition window
 * and enforcement. Every step is an interaction on the debtor's trail (channel COURT); the service of the
 * order and enforcement measures interrupt the claim's prescription, the filing of the request does not.
 */
@Service
public class LegalCases {


    enum Decision { GRANTED, PARTLY, REJECTED }

    enum Enforcement { FULL, PART, NOTHING }

    /**
     * What the service of the order starts: the month during which the order cannot be enforced (article
     * 1422: it suspends execution whatever the way of service) and the opposition window (article 1416),
     * whose last day is unknown yet when the debtor was not served in person.
     */
    record ServiceWindow(LocalDate suspensiveMonthEnds, Optional<LocalDate> oppositionLastDay) {
    }

    /** The days the process waits for after an order: reminders and the day it lapses unserved (start of day). */
    record ServiceDeadlines(Date firstReminderAt, Date lastReminderAt, Date lapsesAt, LocalDate lastDay) {
    }

    private final LegalCaseStore store;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final Prescriptions prescriptions;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final LegalSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    LegalCases(LegalCaseStore store, InvoiceService invoices, InteractionLog interactions, Prescriptions prescriptions,
               RuntimeService runtime, ApplicationEventPublisher events, LegalSettings settings, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.store = store;
        this.invoices = invoices;
        this.interactions = interactions;
        this.prescriptions = prescriptions;
        this.runtime = runtime;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Takes the invoice to court: it leaves dunning (IN_COURT) and its LegalInjunction starts. Asked twice
     * for the same invoice (a retried job), the running case is kept.
     */
    @Transactional
    public ProcessInstance open(String invoiceNumber, String customerName, String outstandingDisplay) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(LegalInjunctionContract.PROCESS_KEY)
                .processInstanceBusinessKey(invoiceNumber).singleResult();
        if (running != null) {
            return running;
        }
        UUID caseId = caseOf(invoiceNumber);
        Invoice invoice = invoices.get(invoiceNumber);
        UUID customerId = invoice.getCustomer().getId();
        return runtime.startProcessInstanceByKey(LegalInjunctionContract.PROCESS_KEY, invoiceNumber, Variables.createVariables()
                .putValue("invoiceNumber", invoiceNumber)
                .putValue("invoiceId", invoice.getId().toString())
                .putValue("customerId", customerId.toString())
                .putValue("customerName", customerName != null ? customerName : invoice.getCustomer().getLegalName())
                .putValue("outstandingDisplay", outstandingDisplay != null ? outstandingDisplay
                        : AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency()))
                .putValue(LegalInjunctionContract.CASE_ID, caseId.toString())
                .putValue(LegalInjunctionContract.FILED, false));
    }

    /**
     * The invoice's open case, opened now if there is none: the invoice leaves dunning (IN_COURT). A
     * LegalInjunction started some other way than {@link #open} (Cockpit, a call activity) gets its case here.
     */
    @Transactional
    public UUID caseOf(String invoiceNumber) {
        return store.openOf(invoiceNumber).map(LegalCase::id).orElseGet(() -> {
            Invoice invoice = invoices.escalate(invoiceNumber, InvoiceStatus.IN_COURT);
            UUID caseId = store.open(invoice.getId(), invoiceNumber, invoice.getCustomer().getId(), invoice.getCurrency());
            note(store.get(caseId), Direction.INTERNAL, "Legal case opened: an injunction to pay is prepared", null);
            return caseId;
        });
    }

    LegalCase get(UUID caseId) {
        return store.get(caseId);
    }

    LegalCase current(String invoiceNumber) {
        return store.latestOf(invoiceNumber).orElseThrow(() -> new NotFoundException("No legal case for invoice " + invoiceNumber));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ---- review

    @Transactional
    public void approved(UUID caseId, String note) {
        LegalCase legalCase = store.get(caseId);
        store.update(caseId, Stage.APPROVED, Map.of());
        note(legalCase, Direction.INTERNAL, "Injunction request approved for filing with the " + legalCase.courtName()
                + ": " + display(legalCase.totalClaimed(), legalCase), note);
    }

    /** The officer changes what the request says before it is built again: other costs, the court. */
    @Transactional
    public void corrected(UUID caseId, BigDecimal otherCosts, String courtName, String note) {
        LegalCase legalCase = store.get(caseId);
        Map<String, Object> columns = new HashMap<>();
        if (otherCosts != null) {
            columns.put("other_costs", otherCosts);
        }
        if (courtName != null && !courtName.isBlank()) {
            columns.put("court_name", courtName.trim());
        }
        store.update(caseId, Stage.PREPARING, columns);
        note(legalCase, Direction.INTERNAL, "Injunction request corrected at review", note);
    }

    @Transactional
    public void sentBack(UUID caseId, String reason) {
        LegalCase legalCase = store.get(caseId);
        store.update(caseId, null, Map.of("sent_back_reason", reason));
        note(legalCase, Direction.INTERNAL, "Injunction request sent back at review", reason);
    }

    // ---- filing and order

    @Transactional
    public void filed(UUID caseId, LocalDate filedOn, String courtReference) {
        LegalCase legalCase = store.get(caseId);
        notInFuture("filedOn", filedOn);
        store.update(caseId, Stage.FILED, Map.of("filed_on", filedOn, "court_reference", courtReference));
        // the filing alone does not interrupt prescription: the request is not served on the debtor
        // (Cass. 1re civ., 11 February 2010, 08-19.802); the service of the order will
        courtStep(legalCase, Direction.OUTBOUND, "Injunction request filed with the " + legalCase.courtName() + " on " + filedOn
                + ": " + display(legalCase.totalClaimed(), legalCase), "court reference " + courtReference);
    }

    /** The president's order. Granted (fully or partly), it must be served within six months or it lapses. */
    @Transactional
    public ServiceDeadlines decided(UUID caseId, Decision decision, LocalDate orderDate, BigDecimal amountGranted) {
        LegalCase legalCase = store.get(caseId);
        notInFuture("orderDate", orderDate);
        if (legalCase.filedOn() != null && orderDate.isBefore(legalCase.filedOn())) {
            throw new InvalidInputException("orderDate", "is before the filing on " + legalCase.filedOn());
        }
        BigDecimal granted = switch (decision) {
            case GRANTED -> legalCase.totalClaimed();
            case REJECTED -> BigDecimal.ZERO;
            case PARTLY -> {
                if (amountGranted == null || amountGranted.signum() <= 0 || amountGranted.compareTo(legalCase.totalClaimed()) >= 0) {
                    throw new InvalidInputException("amountGranted", "a partly granted order grants more than 0 and less than the "
                            + legalCase.totalClaimed().toPlainString() + " claimed");
                }
                yield amountGranted;
            }
        };
        Map<String, Object> columns = new HashMap<>(Map.of("decision", decision.name(), "order_date", orderDate,
                "amount_granted", granted));
        store.update(caseId, decision == Decision.REJECTED ? null : Stage.ORDER_GRANTED, columns);
        if (decision == Decision.REJECTED) {
            prescriptions.voidCourtActs(legalCase.invoiceNumber(), orderDate,
                    "the injunction request was rejected (art. 1409 CPC): the interruption is void (Code civil 2243)");
        }
        courtStep(legalCase, Direction.INBOUND, switch (decision) {
            case GRANTED -> "Injunction order of " + orderDate + ": granted in full, " + display(granted, legalCase);
            case PARTLY -> "Injunction order of " + orderDate + ": granted in part, " + display(granted, legalCase)
                    + " of " + display(legalCase.totalClaimed(), legalCase);
            case REJECTED -> "Injunction order of " + orderDate + ": request rejected";
        }, legalCase.courtReference());
        LocalDate lastDay = ProceduralDeadlines.lastDay(orderDate, 6);
        return new ServiceDeadlines(at(ProceduralDeadlines.after(orderDate, settings.serviceReminderMonths())),
                at(ProceduralDeadlines.after(orderDate, settings.serviceLastReminderMonths())), at(lastDay.plusDays(1)), lastDay);
    }

    /** The order is still unserved some months on: the officers hear of it again, louder each time. */
    @Transactional
    public void serviceReminder(UUID caseId) {
        LegalCase legalCase = store.get(caseId);
        note(legalCase, Direction.INTERNAL, "The injunction order of " + legalCase.orderDate() + " is not served yet: it lapses "
                + "unless served by " + ProceduralDeadlines.lastDay(legalCase.orderDate(), 6), null);
    }

    /** Not served within six months of its date, the order is void (non avenue, article 1411). */
    @Transactional
    public void lapsed(UUID caseId) {
        LegalCase legalCase = store.get(caseId);
        courtStep(legalCase, Direction.INTERNAL, "The injunction order of " + legalCase.orderDate()
                + " lapsed: not served within six months, it is void (non avenue, art. 1411 CPC)", legalCase.courtReference());
        prescriptions.voidCourtActs(legalCase.invoiceNumber(), ProceduralDeadlines.lastDay(legalCase.orderDate(), 6).plusDays(1),
                "the injunction order lapsed unserved (non avenue, art. 1411 CPC): its interruption is void (Code civil 2243)");
    }

    /**
     * Served: the order cannot be enforced for one month (article 1422) and the debtor may oppose within
     * that month (article 1416 para. 1); served other than in person, the debtor may oppose until one month
     * after the first act served on it in person or the first measure making its assets unavailable (para.
     * 2). The service interrupts prescription (Code civil 2241; Cass. 1re civ., 13 December 2012, 11-25.378).
     */
    @Transactional
    public ServiceWindow served(UUID caseId, LocalDate servedOn, ServiceMode mode, String commissaireDeJustice) {
        LegalCase legalCase = store.get(caseId);
        notInFuture("servedOn", servedOn);
        if (servedOn.isBefore(legalCase.orderDate())) {
            throw new InvalidInputException("servedOn", "is before the order of " + legalCase.orderDate());
        }
        LocalDate lastServiceDay = ProceduralDeadlines.lastDay(legalCase.orderDate(), 6);
        if (servedOn.isAfter(lastServiceDay)) {
            throw new InvalidInputException("servedOn", "is after " + lastServiceDay + ": the order had lapsed by then");
        }
        LocalDate monthEnds = ProceduralDeadlines.lastDay(servedOn, 1);
        // no mode: an instance of the process version before 2026-12, whose form did not ask (one month, as then)
        Optional<LocalDate> windowEnds = mode == null || mode == ServiceMode.PERSON ? Optional.of(monthEnds) : Optional.empty();
        Map<String, Object> columns = new HashMap<>(Map.of("served_on", servedOn));
        if (mode != null) {
            columns.put("service_mode", mode.name());
        }
        windowEnds.ifPresent(day -> columns.put("opposition_window_ends", day));
        if (commissaireDeJustice != null && !commissaireDeJustice.isBlank()) {
            columns.put("commissaire_de_justice", commissaireDeJustice.trim());
        }
        store.update(caseId, Stage.SERVED, columns);
        courtStep(legalCase, Direction.OUTBOUND, "Injunction order served on " + servedOn + (mode == null ? "" : " (" + label(mode) + ")") + ": "
                + windowEnds.map(day -> "the debtor may oppose until " + day)
                        .orElse("the order cannot be enforced before " + monthEnds.plusDays(1) + "; the debtor may oppose until "
                                + "one month after the first act served on it in person or the first measure making its assets "
                                + "unavailable (art. 1416 CPC)"), commissaireDeJustice);
        prescriptions.record(legalCase.invoiceNumber(), Act.ORDER_SERVED, servedOn,
                "injunction order served" + (mode == null ? "" : " (" + label(mode) + ")") + (legalCase.courtReference() != null
                        ? ", " + legalCase.courtReference() : ""), null);
        return new ServiceWindow(monthEnds, windowEnds);
    }

    /**
     * The last day on which the debtor may oppose, or empty while it is open-ended: served other than in
     * person, and neither an act served in person nor a measure making its assets unavailable yet.
     */
    static Optional<LocalDate> oppositionLastDay(LegalCase legalCase) {
        if (legalCase.servedOn() == null) {
            return Optional.empty();
        }
        if (legalCase.serviceMode() == null || legalCase.serviceMode() == ServiceMode.PERSON) {
            // cases served before the service mode was recorded keep the window they were given
            return Optional.of(ProceduralDeadlines.lastDay(legalCase.servedOn(), 1));
        }
        return java.util.stream.Stream.of(legalCase.personalNoticeOn(), legalCase.assetsUnavailableOn())
                .filter(java.util.Objects::nonNull).min(LocalDate::compareTo)
                .map(first -> ProceduralDeadlines.lastDay(first, 1));
    }

    /** The stages at which the order is served and may still be opposed (enforcement does not close the window). */
    private static final Set<Stage> OPPOSABLE = Set.of(Stage.SERVED, Stage.ENFORCEABLE, Stage.ENFORCING);

    /**
     * The court tells the creditor the debtor opposed the order: the case becomes litigation, wherever its
     * process stands (waiting out the suspensive month, or enforcing). A date outside the opposition window
     * is refused (400, naming filedOn and the window); a case that cannot be opposed any more (not served,
     * opposed already, ended) is a conflict (409).
     */
    @Transactional
    public void opposed(String invoiceNumber, LocalDate filedOn) {
        if (filedOn == null) {
            throw new InvalidInputException("filedOn", "the day the opposition was filed is required");
        }
        LegalCase legalCase = store.openOf(invoiceNumber)
                .orElseThrow(() -> new NotFoundException("No open legal case for invoice " + invoiceNumber));
        if (legalCase.oppositionFiledOn() != null) {
            throw new ConflictException("filedOn", "the debtor already opposed the order on " + legalCase.oppositionFiledOn());
        }
        if (!OPPOSABLE.contains(legalCase.stage())) {
            throw new ConflictException("invoiceNumber", "the case of " + invoiceNumber + " is " + legalCase.stage()
                    + ": an opposition is recorded once the order is served, within the opposition window");
        }
        notInFuture("filedOn", filedOn);
        Optional<LocalDate> lastDay = oppositionLastDay(legalCase);
        if (filedOn.isBefore(legalCase.servedOn()) || lastDay.map(filedOn::isAfter).orElse(false)) {
            throw new InvalidInputException("filedOn", filedOn + " is outside the opposition window: from the service on "
                    + legalCase.servedOn() + lastDay.map(day -> " to " + day + " (art. 1416 CPC)")
                    .orElse(", open until one month after the first act served in person or measure making the debtor's "
                            + "assets unavailable (art. 1416 CPC)"));
        }
        store.update(legalCase.id(), Stage.OPPOSED, Map.of("opposition_filed_on", filedOn));
        courtStep(legalCase, Direction.INBOUND, "The debtor opposed the injunction order on " + filedOn
                + ": the case goes to a hearing" + (legalCase.stage() == Stage.SERVED ? "" : ", enforcement stops"),
                legalCase.courtReference());
        try {
            runtime.createMessageCorrelation(LegalInjunctionContract.MESSAGE_OPPOSED).processInstanceBusinessKey(invoiceNumber)
                    .setVariable("oppositionFiledOn", filedOn.toString()).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            // nothing of the case listens (its process was changed by hand in Cockpit): nothing is stored
            throw new ConflictException("invoiceNumber", "the court case of " + invoiceNumber
                    + " is not at a step that can take an opposition; see its process in Cockpit");
        }
    }

    @Transactional
    public Date hearing(UUID caseId, LocalDate hearingDate) {
        LegalCase legalCase = store.get(caseId);
        if (hearingDate.isBefore(legalCase.oppositionFiledOn())) {
            throw new InvalidInputException("hearingDate", "is before the opposition of " + legalCase.oppositionFiledOn());
        }
        store.update(caseId, null, Map.of("hearing_date", hearingDate));
        courtStep(legalCase, Direction.INBOUND, "Hearing on the opposition set for " + hearingDate, legalCase.courtReference());
        return at(hearingDate);
    }

    /** The judgment on the opposition replaces the order; for the creditor, it is enforced. */
    @Transactional
    public void judged(UUID caseId, boolean forCreditor, BigDecimal amountGranted, String note) {
        LegalCase legalCase = store.get(caseId);
        if (forCreditor && (amountGranted == null || amountGranted.signum() <= 0)) {
            throw new InvalidInputException("amountGranted", "the amount the judgment grants is required");
        }
        if (forCreditor) {
            store.update(caseId, Stage.ENFORCEABLE, Map.of("amount_granted", amountGranted));
        } else {
            prescriptions.voidCourtActs(legalCase.invoiceNumber(), today(), "the claim was dismissed on opposition: once "
                    + "that judgment is final, the interruption by the service of the order is void (Code civil 2243)");
        }
        courtStep(legalCase, Direction.INBOUND, forCreditor ? "Judgment on the opposition: " + display(amountGranted, legalCase)
                + " granted" : "Judgment on the opposition: the claim is dismissed", note);
    }

    /**
     * The suspensive month is over without an opposition: the order (issued with the enforceable formula,
     * article 1410) has all the effects of a judgment and is enforced (article 1422).
     */
    @Transactional
    public void noOpposition(UUID caseId) {
        LegalCase legalCase = store.get(caseId);
        store.update(caseId, Stage.ENFORCEABLE, Map.of());
        LocalDate monthEnds = ProceduralDeadlines.lastDay(legalCase.servedOn(), 1);
        note(legalCase, Direction.INTERNAL, "No opposition by " + monthEnds + ": the order has the effects of a judgment "
                + "and can be enforced (art. 1422 CPC)" + oppositionLastDay(legalCase)
                .map(day -> day.isAfter(monthEnds) ? "; the debtor may oppose until " + day : "")
                .orElse("; served other than in person, the debtor may still oppose until one month after the first act "
                        + "served on it in person or the first measure making its assets unavailable (art. 1416 CPC)"), null);
    }

    /** For instances of the version before 2026-12 only (see LegalCaseSteps.recordFormula). */
    @Transactional
    public void formulaAffixed(UUID caseId, LocalDate affixedOn) {
        LegalCase legalCase = store.get(caseId);
        notInFuture("formulaAffixedOn", affixedOn);
        store.update(caseId, Stage.ENFORCEABLE, Map.of("formula_affixed_on", affixedOn));
        courtStep(legalCase, Direction.INBOUND, "Enforceable formula on the order: " + affixedOn, legalCase.courtReference());
    }

    // ---- enforcement

    @Transactional
    public void enforcementInstructed(UUID caseId, String commissaireDeJustice, LocalDate instructedOn) {
        LegalCase legalCase = store.get(caseId);
        notInFuture("instructedOn", instructedOn);
        store.update(caseId, Stage.ENFORCING, Map.of("commissaire_de_justice", commissaireDeJustice,
                "enforcement_instructed_on", instructedOn));
        courtStep(legalCase, Direction.OUTBOUND, "Enforcement instructed to " + commissaireDeJustice + " on " + instructedOn,
                null);
    }

    /**
     * What enforcement achieved. {@code personalNoticeOn} and {@code assetsUnavailableOn} (the first act
     * served on the debtor in person, the first measure making its assets unavailable) matter when the order
     * was not served in person: the earlier starts the debtor's last month to oppose (article 1416 para. 2).
     */
    @Transactional
    public void enforced(UUID caseId, Enforcement outcome, BigDecimal recovered, LocalDate firstMeasureOn,
                         LocalDate personalNoticeOn, LocalDate assetsUnavailableOn, String note) {
        LegalCase legalCase = store.get(caseId);
        if (outcome != Enforcement.NOTHING && (recovered == null || recovered.signum() <= 0)) {
            throw new InvalidInputException("amountRecovered", "what the commissaire de justice recovered is required");
        }
        for (var day : Map.of("firstMeasureOn", java.util.Optional.ofNullable(firstMeasureOn),
                "personalNoticeOn", java.util.Optional.ofNullable(personalNoticeOn),
                "assetsUnavailableOn", java.util.Optional.ofNullable(assetsUnavailableOn)).entrySet()) {
            if (day.getValue().isPresent()) {
                notInFuture(day.getKey(), day.getValue().get());
                if (legalCase.servedOn() != null && day.getValue().get().isBefore(legalCase.servedOn())) {
                    throw new InvalidInputException(day.getKey(), "is before the service of the order on " + legalCase.servedOn());
                }
            }
        }
        BigDecimal amount = outcome == Enforcement.NOTHING ? BigDecimal.ZERO : recovered;
        Map<String, Object> columns = new HashMap<>(Map.of("enforcement_outcome", outcome.name(), "amount_recovered", amount));
        if (personalNoticeOn != null) {
            columns.put("personal_notice_on", personalNoticeOn);
        }
        if (assetsUnavailableOn != null) {
            columns.put("assets_unavailable_on", assetsUnavailableOn);
        }
        store.update(caseId, null, columns);
        if (legalCase.oppositionFiledOn() == null && legalCase.serviceMode() != null && legalCase.serviceMode() != ServiceMode.PERSON) {
            LegalCase now = store.get(caseId);
            Optional<LocalDate> lastDay = oppositionLastDay(now);
            lastDay.ifPresent(day -> store.update(caseId, null, Map.of("opposition_window_ends", day)));
            note(legalCase, Direction.INTERNAL, lastDay.map(day -> "The debtor may oppose the order until " + day
                    + " (one month after the first act served in person or measure making its assets unavailable, art. 1416 CPC)")
                    .orElse("No act served in person nor measure making the debtor's assets unavailable yet: the debtor may "
                            + "still oppose the order (art. 1416 CPC)"), null);
        }
        courtStep(legalCase, Direction.INBOUND, switch (outcome) {
            case FULL -> "Enforcement recovered the claim in full: " + display(amount, legalCase);
            case PART -> "Enforcement recovered part of the claim: " + display(amount, legalCase);
            case NOTHING -> "Enforcement recovered nothing";
        }, note);
        if (firstMeasureOn != null) {
            notInFuture("firstMeasureOn", firstMeasureOn);
            prescriptions.record(legalCase.invoiceNumber(), Act.ENFORCEMENT, firstMeasureOn,
                    "enforcement measure by " + legalCase.commissaireDeJustice(), null);
        }
    }

    /** The invoice was settled or written off while the filed case ran: the officer withdrew it or stopped enforcement. */
    @Transactional
    public void withdrawn(UUID caseId, String note) {
        courtStep(store.get(caseId), Direction.OUTBOUND, "Court case withdrawn, enforcement stopped: nothing more to claim", note);
    }

    // ---- the end

    /**
     * The case is over: announced as {@link CourtCaseEnded} (heard in this transaction, whether or not anyone
     * still waits), and a case returned unpaid puts the invoice back under collection.
     */
    @Transactional
    public void end(UUID caseId, CourtCaseEnded.Outcome outcome, String reason) {
        LegalCase legalCase = store.get(caseId);
        if (legalCase.outcome() == null) {
            store.end(caseId, outcome.name(), reason);
            note(legalCase, Direction.INTERNAL, (outcome == CourtCaseEnded.Outcome.CLOSED ? "Legal case closed" : "Legal case returned unpaid")
                    + (reason != null ? ": " + reason : ""), null);
        }
        if (outcome == CourtCaseEnded.Outcome.RETURNED) {
            invoices.resume(legalCase.invoiceNumber());
        }
        events.publishEvent(new CourtCaseEnded(legalCase.invoiceNumber(), outcome));
    }

    /**
     * Insolvency proceedings froze the claim (art. L622-21 C. com.): the invoice's case ends as when the invoice is
     * settled: a request already filed is withdrawn by a legal officer (task "Se désister de la procédure"), then the case is closed
     * with that reason. Nothing happens for an invoice without a running case.
     */
    @Transactional
    public void withdrawForInsolvency(String invoiceNumber, String reason) {
        invoiceClosed(invoiceNumber, reason);
    }

    /** Tells the invoice's case that the invoice is settled or written off. */
    void invoiceClosed(String invoiceNumber, String how) {
        WaitingInstances.message(runtime, LegalInjunctionContract.MESSAGE_INVOICE_CLOSED).processInstanceBusinessKey(invoiceNumber)
                .setVariable(LegalInjunctionContract.OUTCOME_REASON, how).correlateAll();
    }

    /** A part payment while in court: on the trail of the case, the claim is not rebuilt. */
    void partlyPaid(String invoiceNumber, BigDecimal outstanding) {
        store.openOf(invoiceNumber).ifPresent(legalCase -> note(legalCase, Direction.INBOUND,
                "Part payment during the court case: " + display(outstanding, legalCase) + " still owed", null));
    }

    private void notInFuture(String field, LocalDate day) {
        if (day == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (day.isAfter(today())) {
            throw new InvalidInputException(field, "is in the future: " + day);
        }
    }

    private Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    static String label(ServiceMode mode) {
        return switch (mode) {
            case PERSON -> "to the debtor in person";
            case DOMICILE -> "at the debtor's address";
            case ETUDE -> "left at the commissaire's office";
            case SEARCH_REPORT -> "by a report of unsuccessful search";
        };
    }

    private static String display(BigDecimal amount, LegalCase legalCase) {
        return amount == null ? "?" : AmountDisplay.of(amount, legalCase.currency());
    }

    private void courtStep(LegalCase legalCase, Direction direction, String summary, String detail) {
        interactions.record(legalCase.customerId(), legalCase.invoiceId(), Medium.COURT, direction, Type.COURT_STEP, summary, detail);
    }

    private void note(LegalCase legalCase, Direction direction, String summary, String detail) {
        interactions.record(legalCase.customerId(), legalCase.invoiceId(), Medium.COURT, direction, Type.NOTE, summary, detail);
    }
}

package io.recouvra.legal;

import io.recouvra.database.WaitingInstances;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerLedger.Allocation;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.web.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each invoice's claim becomes time-barred. Claims between merchants prescribe in five years
 * (Code de commerce L. 110-4), counted from the day the claim could be demanded, its due date (Code
 * civil 2224); the claim is barred once the last day of the term has passed (2229). The five years
 * start again in full (2231) after an act that interrupts them, a closed list (Cass. com., 18 May 2022,
 * 20-23.204): the debtor's acknowledgement of the debt (2240) — a part payment, an accepted payment plan,
 * a signed acknowledgement —, a court claim (2241): for an injunction to pay, the service of the order,
 * not the filing of the request (Cass. 1re civ., 11 February 2010, 08-19.802; 13 December 2012,
 * 11-25.378), counted as starting the five years again on its day, the cautious reading of 2242 —, or an
 * enforcement measure (2244). A court claim's interruption is void (non avenue, 2243) when the claim is
 * rejected for good or the order lapses unserved (art. 1411 CPC): such acts stay on record, marked void,
 * and no longer count. A formal notice interrupts nothing, nor does any reminder. An act done after the
 * claim is barred does not revive it (only the debtor's renunciation of a prescription acquired could,
 * 2250-2251, which is for counsel to judge).
 */
@Service
public class Prescriptions {

    static final Period TERM = Period.ofYears(5);

    /** COURT_CLAIM: recorded at the filing of an injunction request before 2026-12 (it does not interrupt; kept for history). */
    enum Act { DUE_DATE, PAYMENT, PAYMENT_PLAN, ACKNOWLEDGEMENT, COURT_CLAIM, ORDER_SERVED, ENFORCEMENT }

    /**
     * What became of an act recorded: {@code counted} false when the claim was already time-barred on its
     * day (the act changes nothing, Code civil 2219 and 2240 read together: there is no prescription left to
     * interrupt), with the reason.
     */
    record RecordedAct(@com.fasterxml.jackson.annotation.JsonUnwrapped Prescription prescription, boolean counted,
                       String ignoredBecause) {
    }

    record Interruption(Act act, LocalDate on, String note) {
    }

    /**
     * @param prescribedOn the last day on which an interrupting act still saves the claim
     * @param interruptions every act that counted, oldest first, the due date included
     */
    record Prescription(String invoiceNumber, LocalDate dueDate, LocalDate runsFrom, Act lastAct, LocalDate prescribedOn,
                        boolean barred, boolean open, List<Interruption> interruptions) {
    }

    record Review(String invoiceNumber, LocalDate prescribedOn, String processInstanceId) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final CustomerLedger ledger;
    private final PaymentPlanAcceptances plans;
    private final InteractionLog interactions;
    private final RuntimeService runtime;
    private final LegalSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    Prescriptions(JdbcTemplate jdbc, InvoiceService invoices, CustomerLedger ledger, PaymentPlanAcceptances plans,
                  InteractionLog interactions, RuntimeService runtime, LegalSettings settings, Clock clock,
                  @Value("${recouvra.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.ledger = ledger;
        this.plans = plans;
        this.interactions = interactions;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional(readOnly = true)
    Prescription of(String invoiceNumber) {
        return of(invoices.get(invoiceNumber));
    }

    private Prescription of(Invoice invoice) {
        List<Interruption> acts = new ArrayList<>();
        acts.add(new Interruption(Act.DUE_DATE, invoice.getDueDate(), null));
        for (Allocation payment : ledger.allocationsTo(List.of(invoice.getNumber()))) {
            acts.add(new Interruption(Act.PAYMENT, payment.valueDate(),
                    "payment of " + payment.amount().toPlainString() + " " + payment.currency()));
        }
        for (Instant accepted : plans.acceptedFor(invoice.getNumber())) {
            acts.add(new Interruption(Act.PAYMENT_PLAN, LocalDate.ofInstant(accepted, zone), "payment plan accepted"));
        }
        acts.addAll(jdbc.query("select act, act_date, note from recouvra.prescription_act where invoice_id = ? and void_since is null",
                (rs, n) -> new Interruption(Act.valueOf(rs.getString("act")), rs.getObject("act_date", LocalDate.class),
                        rs.getString("note")), invoice.getId()));
        acts.sort(Comparator.comparing(Interruption::on));
        // an act interrupts only while the claim is still alive: once barred, later acts change nothing
        Interruption last = acts.get(0);
        List<Interruption> counted = new ArrayList<>(List.of(last));
        for (Interruption act : acts.subList(1, acts.size())) {
            if (!act.on().isAfter(last.on().plus(TERM))) {
                if (!act.on().isBefore(last.on())) {
                    last = act;
                }
                counted.add(act);
            }
        }
        LocalDate prescribedOn = last.on().plus(TERM);
        return new Prescription(invoice.getNumber(), invoice.getDueDate(), last.on(), last.act(), prescribedOn,
                today().isAfter(prescribedOn), !invoice.getStatus().isClosed(), counted);
    }

    /**
     * Records an act the ledger does not show: a signed acknowledgement, a court claim, an enforcement
     * measure. A running review of the invoice ends: the claim has five years again.
     */
    @Transactional
    RecordedAct record(String invoiceNumber, Act act, LocalDate on, String note, String by) {
        RecordedAct recorded = store(invoiceNumber, act, on, note, by);
        if (recorded.counted()) {
            interrupted(invoiceNumber);
        }
        return recorded;
    }

    /**
     * The court claim's interruption is void (non avenue, Code civil 2243): the order lapsed unserved (art.
     * 1411 CPC) or the claim was rejected. The acts stay on record with the reason and no longer count.
     */
    @Transactional
    void voidCourtActs(String invoiceNumber, LocalDate since, String reason) {
        Invoice invoice = invoices.get(invoiceNumber);
        int voided = jdbc.update("""
                update recouvra.prescription_act set void_since = ?, void_reason = ?
                where invoice_id = ? and act in ('COURT_CLAIM', 'ORDER_SERVED') and void_since is null""",
                since, reason, invoice.getId());
        if (voided > 0) {
            interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                    "Prescription: the court claim no longer interrupts (" + reason + "); the claim is time-barred after "
                            + of(invoice).prescribedOn(), null);
        }
    }

    /**
     * Flags a claim already time-barred before a step that claims it (a reminder, a formal notice, an
     * injunction request): a note on the trail and a Review prescription task for the legal officers and
     * credit managers, once per prescription date. Returns whether it is barred; the step itself goes on
     * (a barred debt may still be paid willingly, Code civil 1302 para. 2), the reviewer decides the rest.
     */
    @Transactional
    public boolean warnIfBarred(String invoiceNumber, String step) {
        Invoice invoice = invoices.get(invoiceNumber);
        Prescription prescription = of(invoice);
        if (!prescription.barred()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int fresh = jdbc.update("""
                insert into recouvra.prescription_review (invoice_id, prescribed_on, raised_at, barred_warning_at)
                values (?, ?, ?, ?)
                on conflict (invoice_id, prescribed_on) do update set barred_warning_at = excluded.barred_warning_at
                where prescription_review.barred_warning_at is null""",
                invoice.getId(), prescription.prescribedOn(), now, now);
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Warning: the claim is time-barred since " + prescription.prescribedOn().plusDays(1) + " and " + step
                        + (fresh > 0 ? "; a prescription review is raised" : "; see its prescription review"),
                "last interrupting act: " + label(prescription.lastAct()) + " of " + prescription.runsFrom());
        if (fresh > 0) {
            startReview(invoice, prescription);
        }
        return true;
    }

    private RecordedAct store(String invoiceNumber, Act act, LocalDate on, String note, String by) {
        if (act == Act.DUE_DATE || act == Act.PAYMENT || act == Act.PAYMENT_PLAN) {
            throw new IllegalArgumentException(act + " is read from the ledger, not recorded");
        }
        Invoice invoice = invoices.get(invoiceNumber);
        if (on.isAfter(today())) {
            throw new InvalidInputException(act == Act.ACKNOWLEDGEMENT ? "signedOn" : "date", "is in the future: " + on);
        }
        Prescription before = of(invoice);
        jdbc.update("""
                insert into recouvra.prescription_act (id, invoice_id, act, act_date, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), invoice.getId(), act.name(), on, note,
                Timestamp.from(clock.instant()), by);
        Prescription now = of(invoice);
        if (now.interruptions().stream().noneMatch(counted -> counted.act() == act && counted.on().equals(on))) {
            // barred before the act: there was nothing left to interrupt, and nothing revives the claim
            String because = "the claim was already time-barred after " + before.prescribedOn() + " when the "
                    + label(act) + " of " + on + " was made";
            interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                    "Prescription not interrupted: " + because + " (kept on record; only an unequivocal renunciation by the "
                            + "debtor, Code civil 2250-2251, could set it aside: ask counsel)", note);
            return new RecordedAct(now, false, because);
        }
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Prescription interrupted (" + label(act) + " of " + on + "): the claim is time-barred after " + now.prescribedOn(),
                note);
        return new RecordedAct(now, true, null);
    }

    /** A running review of the invoice has nothing left to review. */
    void interrupted(String invoiceNumber) {
        WaitingInstances.message(runtime, PrescriptionReviewContract.MESSAGE_INTERRUPTED).processInstanceBusinessKey(invoiceNumber).correlateAll();
    }

    /**
     * Raises a PrescriptionReview for every open invoice whose claim is barred within the warning period
     * (or already is) and that has no review for that prescription date yet: once per date, so a claim
     * interrupted since gets a new review when its new date nears.
     */
    @Transactional
    List<Review> raiseReviews() {
        LocalDate horizon = today().plus(settings.prescriptionWarnAhead());
        // the due date is the earliest the term can start from: only invoices due that long ago can be near
        List<Review> raised = new ArrayList<>();
        for (Invoice invoice : invoices.openDueBy(horizon.minus(TERM))) {
            Prescription prescription = of(invoice);
            if (prescription.prescribedOn().isAfter(horizon)) {
                continue;
            }
            int fresh = jdbc.update("""
                    insert into recouvra.prescription_review (invoice_id, prescribed_on, raised_at) values (?, ?, ?)
                    on conflict do nothing""", invoice.getId(), prescription.prescribedOn(), Timestamp.from(clock.instant()));
            if (fresh == 0) {
                continue;
            }
            String instance = startReview(invoice, prescription);
            interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                    "Prescription review raised: the claim is time-barred after " + prescription.prescribedOn(),
                    "last interrupting act: " + label(prescription.lastAct()) + " of " + prescription.runsFrom());
            raised.add(new Review(invoice.getNumber(), prescription.prescribedOn(), instance));
        }
        return raised;
    }

    private String startReview(Invoice invoice, Prescription prescription) {
        return runtime.startProcessInstanceByKey(PrescriptionReviewContract.PROCESS_KEY, invoice.getNumber(), Variables.createVariables()
                    .putValue("invoiceNumber", invoice.getNumber())
                    .putValue("invoiceId", invoice.getId().toString())
                    .putValue("customerId", invoice.getCustomer().getId().toString())
                    .putValue("customerName", invoice.getCustomer().getLegalName())
                    .putValue("outstandingDisplay", AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency()))
                    .putValue(PrescriptionReviewContract.PRESCRIBED_ON, prescription.prescribedOn().toString())
                    .putValue(PrescriptionReviewContract.LAST_INTERRUPTION, label(prescription.lastAct()) + " of " + prescription.runsFrom())
                    .putValue(PrescriptionReviewContract.PRESCRIBED_ON_AT, Date.from(prescription.prescribedOn().atStartOfDay(zone).toInstant())))
                    .getId();
    }

    /** The legal officer's answer to a review; a signed acknowledgement is recorded as an act. */
    @Transactional
    void reviewed(String invoiceNumber, String action, LocalDate signedOn, String note, String by) {
        if ("ACKNOWLEDGEMENT_SIGNED".equals(action)) {
            // not told to the review: it is the one completing
            store(invoiceNumber, Act.ACKNOWLEDGEMENT, signedOn, note, by);
            return;
        }
        Invoice invoice = invoices.get(invoiceNumber);
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Prescription reviewed: " + ("COURT_ACTION".equals(action) ? "court action to be brought before "
                        : "risk accepted, the claim may be time-barred after ") + of(invoice).prescribedOn(), note);
    }

    static String label(Act act) {
        return switch (act) {
            case DUE_DATE -> "due date";
            case PAYMENT -> "part payment";
            case PAYMENT_PLAN -> "payment plan accepted";
            case ACKNOWLEDGEMENT -> "signed acknowledgement of the debt";
            case COURT_CLAIM -> "court claim";
            case ORDER_SERVED -> "service of the injunction order";
            case ENFORCEMENT -> "enforcement measure";
        };
    }
}

package io.recouvra.insolvency;

import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records insolvency proceedings and tells the rest of Recouvra, in the same transaction: {@link InsolvencyOpened}
 * stops the automated actions on the claims born before the judgment, {@link BodaccPublished} starts the deadline
 * to declare them. The customer's own insolvency date is set too, which provisions and scoring read, and the day it came
 * out of the proceedings back in bonis when a closing says so.
 */
@Service
public class InsolvencyProceedingsService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final InsolvencyProceedingsRepository proceedings;
    private final CustomerService customers;
    private final InteractionLog interactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final JdbcTemplate jdbc;

    InsolvencyProceedingsService(InsolvencyProceedingsRepository proceedings, CustomerService customers,
                                 InteractionLog interactions, ApplicationEventPublisher events, Clock clock,
                                 @Value("${recouvra.zone}") ZoneId zone, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.proceedings = proceedings;
        this.customers = customers;
        this.interactions = interactions;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records proceedings opened against the customer. 400 naming the field when the report is incomplete or
     * impossible (a judgment in the future, a publication before the judgment); 409 when the customer is already in
     * open proceedings (a conversion changes their kind, it does not open new ones).
     */
    @Transactional
    public InsolvencyProceedings report(UUID customerId, ProceedingsReport report) {
        customers.get(customerId);
        check(report);
        if (proceedings.findByCustomerIdAndStatus(customerId, ProceedingsStatus.OPEN).isPresent()) {
            throw new ConflictException("customerId", "is already in open insolvency proceedings");
        }
        InsolvencyProceedings opened = proceedings.save(new InsolvencyProceedings(customerId, report, clock.instant()));
        customers.reportInsolvency(customerId, report.judgmentDate());
        interactions.record(customerId, null, Medium.COURT, Direction.INBOUND, Type.INSOLVENCY,
                "Insolvency proceedings opened (" + report.kind() + ") by judgment of " + report.judgmentDate()
                        + ", reported by " + report.reportedBy(),
                "Every automated action on the claims born before " + report.judgmentDate() + " stops (art. L622-21, "
                        + "L622-7 C. com.); claims born after it are collected as usual (art. L622-17).");
        events.publishEvent(new InsolvencyOpened(opened.getId(), customerId, opened.getKind(), opened.getJudgmentDate()));
        if (opened.getBodaccPublishedOn() != null) {
            events.publishEvent(new BodaccPublished(opened.getId(), customerId, opened.getBodaccPublishedOn()));
        }
        return opened;
    }

    /** The opening judgment was published in the BODACC on that day. Saying the same day again changes nothing. */
    @Transactional
    public InsolvencyProceedings recordBodaccPublication(UUID id, LocalDate day) {
        InsolvencyProceedings found = find(id);
        if (day == null) {
            throw new InvalidInputException("publishedOn", "is required");
        }
        if (day.equals(found.getBodaccPublishedOn())) {
            return found;
        }
        if (found.getBodaccPublishedOn() != null) {
            throw new ConflictException("publishedOn", "the publication was already recorded on " + found.getBodaccPublishedOn());
        }
        if (day.isBefore(found.getJudgmentDate())) {
            throw new InvalidInputException("publishedOn", "must not be before the opening judgment of " + found.getJudgmentDate());
        }
        if (day.isAfter(today())) {
            throw new InvalidInputException("publishedOn", "must not be in the future");
        }
        found.bodaccPublished(day);
        interactions.record(found.getCustomerId(), null, Medium.COURT, Direction.INBOUND, Type.INSOLVENCY,
                "Opening judgment published in the BODACC on " + day, null);
        events.publishEvent(new BodaccPublished(found.getId(), found.getCustomerId(), day));
        return found;
    }

    /** A judgment that converted proceedings, as the history lists it. */
    public record Conversion(ProceedingsKind from, ProceedingsKind kind, LocalDate judgmentDate, String court, Instant recordedAt) {
    }

    /**
     * A judgment converted the open proceedings into another kind: safeguard into receivership or liquidation (art.
     * L622-10 C. com.), receivership into liquidation (art. L631-15 II). Not a plan's resolution (art. L626-27 I), which
     * ends the plan and opens new proceedings with their own opening judgment (see {@link ProceedingsConversion}). The same
     * proceedings go on, so nothing is declared again and the opening judgment still splits the claims; the kind, and
     * the court and representative when given, change, and the conversion is kept in their history. 400 naming the
     * field for a kind that is not a step forward, a judgment missing, in the future, or before the last one; 409
     * when the proceedings are closed.
     */
    @Transactional
    public InsolvencyProceedings convert(UUID id, ProceedingsConversion conversion) {
        InsolvencyProceedings found = find(id);
        if (found.getStatus() != ProceedingsStatus.OPEN) {
            throw new ConflictException("status", "the proceedings are " + found.getStatus() + ": a closed proceedings is not converted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        ProceedingsKind from = found.getKind();
        if (conversion.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: RECEIVERSHIP or LIQUIDATION"));
        } else if (!convertsInto(from, conversion.kind())) {
            problems.add(new FieldProblem("kind", from + " proceedings convert into "
                    + (from == ProceedingsKind.SAFEGUARD ? "RECEIVERSHIP or LIQUIDATION" : from == ProceedingsKind.RECEIVERSHIP
                    ? "LIQUIDATION" : "nothing: liquidation is the last kind") + ", not " + conversion.kind()));
        }
        LocalDate last = conversions(id).stream().map(Conversion::judgmentDate).reduce((one, other) -> other)
                .orElse(found.getJudgmentDate());
        if (conversion.judgmentDate() == null) {
            problems.add(new FieldProblem("judgmentDate", "is required"));
        } else if (conversion.judgmentDate().isAfter(today())) {
            problems.add(new FieldProblem("judgmentDate", "must not be in the future"));
        } else if (conversion.judgmentDate().isBefore(last)) {
            problems.add(new FieldProblem("judgmentDate", "must not be before the last judgment of these proceedings, " + last));
        }
        if (conversion.representativeName() != null && conversion.representativeAddress() == null) {
            problems.add(new FieldProblem("representativeAddress", "is required with a new representative"));
        }
        longest(conversion.court(), "court", 200, problems);
        longest(conversion.representativeName(), "representativeName", 200, problems);
        longest(conversion.representativeAddress(), "representativeAddress", 400, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        found.convertInto(conversion.kind(), conversion.court(), conversion.representativeName(), conversion.representativeAddress());
        jdbc.update("""
                insert into recouvra.insolvency_conversion (id, proceedings_id, converted_from, kind, judgment_date, court, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), id, from.name(), conversion.kind().name(),
                conversion.judgmentDate(), found.getCourt(), Timestamp.from(clock.instant()));
        interactions.record(found.getCustomerId(), null, Medium.COURT, Direction.INBOUND, Type.INSOLVENCY,
                "Insolvency proceedings converted from " + from + " into " + conversion.kind() + " by the judgment of "
                        + conversion.judgmentDate(),
                "The same proceedings go on: the claims born before the opening judgment of " + found.getJudgmentDate()
                        + " stay frozen, and those declared need not be declared again.");
        events.publishEvent(new ProceedingsConverted(id, found.getCustomerId(), from, conversion.kind(), conversion.judgmentDate()));
        return found;
    }

    /**
     * A judgment closed the open proceedings: a safeguard or receivership plan carried out (art. L626-28 C. com.), or a
     * liquidation closed for insufficient assets or because the debts were paid (art. L643-9). The closing is kept
     * with the proceedings, written on the trail and published as {@link ProceedingsClosed}, which ends the running
     * declaration of claims (written off, or paid through the plan). 400 naming the field for a kind missing or that
     * does not close proceedings of this kind (a plan carried out is no closing of a liquidation), a judgment missing,
     * in the future or before the last judgment of these proceedings, a note too long; 409 when already closed.
     */
    @Transactional
    public InsolvencyProceedings close(UUID id, ProceedingsClosing closing) {
        InsolvencyProceedings found = find(id);
        if (found.getStatus() != ProceedingsStatus.OPEN) {
            throw new ConflictException("status", "the proceedings were closed (" + found.getClosingKind() + ") by the judgment of "
                    + found.getClosingJudgmentDate());
        }
        List<FieldProblem> problems = new ArrayList<>();
        ProceedingsKind kind = found.getKind();
        if (closing.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: PLAN_CARRIED_OUT, LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID"));
        } else if (!closing.kind().closes(kind)) {
            problems.add(new FieldProblem("kind", kind + " proceedings close as " + (kind == ProceedingsKind.LIQUIDATION
                    ? "LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID" : "PLAN_CARRIED_OUT") + ", not " + closing.kind()));
        }
        // a conversion or a reopening is a judgment of the same proceedings: the closing comes after it too
        LocalDate last = lastJudgment(found);
        if (closing.judgmentDate() == null) {
            problems.add(new FieldProblem("judgmentDate", "is required"));
        } else if (closing.judgmentDate().isAfter(today())) {
            problems.add(new FieldProblem("judgmentDate", "must not be in the future"));
        } else if (closing.judgmentDate().isBefore(last)) {
            problems.add(new FieldProblem("judgmentDate", "must not be before the last judgment of these proceedings, " + last));
        }
        longest(closing.note(), "note", 1000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        found.close(closing, clock.instant());
        if (closing.kind().backInBonis()) {
            // the claims born before the opening judgment stay frozen (the customer's insolvency day is kept); only
            // "in proceedings" ends, for the customer's new claims
            customers.insolvencyEnded(found.getCustomerId(), closing.judgmentDate());
        }
        interactions.record(found.getCustomerId(), null, Medium.COURT, Direction.INBOUND, Type.INSOLVENCY,
                "Insolvency proceedings (" + kind + ") closed by the judgment of " + closing.judgmentDate() + ": "
                        + closing.kind(), closingEffect(closing.kind()) + (closing.note() == null ? "" : "\n" + closing.note()));
        events.publishEvent(new ProceedingsClosed(id, found.getCustomerId(), kind, closing.kind(), closing.judgmentDate()));
        return found;
    }

    /** A reopening, as the history lists it: the closing it undid and the judgment that reopened them. */
    public record Reopening(ClosingKind closedAs, LocalDate closedOn, LocalDate judgmentDate, Instant recordedAt) {
    }

    /**
     * A judgment reopened a liquidation closed for insufficient assets because assets were not realised or actions in
     * the creditors' interest not brought (art. L643-13 C. com.). The same proceedings resume ("reprise de la
     * procédure"): they are open again, the closing they undo is kept in their history, and the claims declared in them
     * stay declared. What Recouvra then does about the claims the closing wrote off is heard from
     * {@link LiquidationReopened} (ReopenedLiquidations). 409 when the proceedings are not a liquidation closed for
     * insufficient assets (field {@code status}) or the customer is in other open proceedings ({@code customerId}); 400
     * naming the field for a judgment missing, in the future or before the closing, a note too long.
     */
    @Transactional
    public InsolvencyProceedings reopen(UUID id, ProceedingsReopening reopening) {
        InsolvencyProceedings found = find(id);
        if (found.getStatus() != ProceedingsStatus.CLOSED || found.getClosingKind() != ClosingKind.LIQUIDATION_INSUFFICIENT_ASSETS) {
            throw new ConflictException("status", "only a liquidation closed for insufficient assets is reopened (art. L643-13 "
                    + "C. com.); these proceedings are " + (found.getStatus() == ProceedingsStatus.OPEN ? "open"
                    : "closed (" + found.getClosingKind() + ")"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (reopening.judgmentDate() == null) {
            problems.add(new FieldProblem("judgmentDate", "is required"));
        } else if (reopening.judgmentDate().isAfter(today())) {
            problems.add(new FieldProblem("judgmentDate", "must not be in the future"));
        } else if (reopening.judgmentDate().isBefore(found.getClosingJudgmentDate())) {
            problems.add(new FieldProblem("judgmentDate", "must not be before the closing judgment of " + found.getClosingJudgmentDate()));
        }
        longest(reopening.note(), "note", 1000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (openFor(found.getCustomerId()).isPresent()) {
            throw new ConflictException("customerId", "is in other open insolvency proceedings: close them before reopening these");
        }
        UUID reopeningId = UUID.randomUUID();
        LocalDate closedOn = found.getClosingJudgmentDate();
        jdbc.update("""
                insert into recouvra.insolvency_reopening (id, proceedings_id, closed_as, closing_judgment_date, closing_note, closed_at,
                                                           judgment_date, note, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", reopeningId, id, found.getClosingKind().name(), closedOn,
                found.getClosingNote(), Timestamp.from(found.getClosedAt()), reopening.judgmentDate(), reopening.note(),
                Timestamp.from(clock.instant()));
        found.reopen();
        interactions.record(found.getCustomerId(), null, Medium.COURT, Direction.INBOUND, Type.INSOLVENCY,
                "Liquidation reopened by the judgment of " + reopening.judgmentDate() + " (art. L643-13 C. com.): it had been closed "
                        + "for insufficient assets on " + closedOn,
                "The same proceedings resume: the claims declared in them stay declared and are not declared again; the "
                        + "liquidator realises the assets left out and pays the creditors from them. The claims born before the "
                        + "opening judgment of " + found.getJudgmentDate() + " stay frozen."
                        + (reopening.note() == null ? "" : "\n" + reopening.note()));
        events.publishEvent(new LiquidationReopened(reopeningId, id, found.getCustomerId(), closedOn, reopening.judgmentDate()));
        return found;
    }

    /** The judgments that reopened the proceedings, the oldest first. */
    @Transactional(readOnly = true)
    public List<Reopening> reopenings(UUID id) {
        return jdbc.query("""
                select closed_as, closing_judgment_date, judgment_date, recorded_at from recouvra.insolvency_reopening
                where proceedings_id = ? order by judgment_date, recorded_at""",
                (rs, n) -> new Reopening(ClosingKind.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant()), id);
    }

    /** Every open proceedings. */
    @Transactional(readOnly = true)
    List<InsolvencyProceedings> allOpen() {
        return proceedings.findByStatus(ProceedingsStatus.OPEN);
    }

    /** The last judgment of the proceedings before any closing: the opening one, the last conversion or the last reopening. */
    private LocalDate lastJudgment(InsolvencyProceedings found) {
        LocalDate last = found.getJudgmentDate();
        for (Conversion conversion : conversions(found.getId())) {
            last = conversion.judgmentDate().isAfter(last) ? conversion.judgmentDate() : last;
        }
        for (Reopening reopening : reopenings(found.getId())) {
            last = reopening.judgmentDate().isAfter(last) ? reopening.judgmentDate() : last;
        }
        return last;
    }

    private static String closingEffect(ClosingKind kind) {
        return switch (kind) {
            case PLAN_CARRIED_OUT -> "The plan is carried out (art. L626-28 C. com.): the declared claims were paid through it, "
                    + "the declaration of claims ends; the debtor is back in bonis and its new claims are collected as usual.";
            case LIQUIDATION_INSUFFICIENT_ASSETS -> "Closed for insufficient assets (art. L643-9 C. com.): the creditors do not "
                    + "recover their right to sue (art. L643-11), so the declared claims still unpaid stay frozen and are written "
                    + "off with their VAT note.";
            case LIQUIDATION_DEBTS_PAID -> "Closed because the debts were paid (art. L643-9 C. com.): the declared claims were "
                    + "paid by the liquidator, the declaration of claims ends.";
        };
    }

    /** The judgments that converted the proceedings, the oldest first. */
    @Transactional(readOnly = true)
    public List<Conversion> conversions(UUID id) {
        return jdbc.query("""
                select converted_from, kind, judgment_date, court, recorded_at from recouvra.insolvency_conversion
                where proceedings_id = ? order by judgment_date, recorded_at""",
                (rs, n) -> new Conversion(ProceedingsKind.valueOf(rs.getString(1)), ProceedingsKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getTimestamp(5).toInstant()), id);
    }

    private static boolean convertsInto(ProceedingsKind from, ProceedingsKind to) {
        return switch (from) {
            case SAFEGUARD -> to == ProceedingsKind.RECEIVERSHIP || to == ProceedingsKind.LIQUIDATION;
            case RECEIVERSHIP -> to == ProceedingsKind.LIQUIDATION;
            case LIQUIDATION -> false;
        };
    }

    /** 404 when there are no such proceedings. */
    @Transactional(readOnly = true)
    public InsolvencyProceedings find(UUID id) {
        return proceedings.findById(id).orElseThrow(() -> new NotFoundException("No insolvency proceedings " + id));
    }

    /** The customer's open proceedings, if any. */
    @Transactional(readOnly = true)
    public Optional<InsolvencyProceedings> openFor(UUID customerId) {
        return proceedings.findByCustomerIdAndStatus(customerId, ProceedingsStatus.OPEN);
    }

    /** Every proceedings of the customer, the latest judgment first. */
    @Transactional(readOnly = true)
    public List<InsolvencyProceedings> ofCustomer(UUID customerId) {
        customers.get(customerId);
        return proceedings.findByCustomerIdOrderByJudgmentDateDesc(customerId);
    }

    private void check(ProceedingsReport report) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: SAFEGUARD, RECEIVERSHIP or LIQUIDATION"));
        }
        if (report.reportedBy() == null) {
            problems.add(new FieldProblem("reportedBy", "is required: CREDIT_BUREAU, CREDIT_INSURER or PERSON"));
        }
        if (report.judgmentDate() == null) {
            problems.add(new FieldProblem("judgmentDate", "is required"));
        } else if (report.judgmentDate().isAfter(today())) {
            problems.add(new FieldProblem("judgmentDate", "must not be in the future"));
        }
        if (report.reportedBy() == ReportedBy.PERSON) {
            required(report.court(), "court", problems);
            required(report.representativeName(), "representativeName", problems);
            required(report.representativeAddress(), "representativeAddress", problems);
        }
        longest(report.court(), "court", 200, problems);
        longest(report.representativeName(), "representativeName", 200, problems);
        longest(report.representativeAddress(), "representativeAddress", 400, problems);
        if (report.representativeEmail() != null
                && (report.representativeEmail().length() > 254 || !EMAIL.matcher(report.representativeEmail()).matches())) {
            problems.add(new FieldProblem("representativeEmail", "must be an email address"));
        }
        LocalDate bodacc = report.bodaccPublishedOn();
        if (bodacc != null && report.judgmentDate() != null && bodacc.isBefore(report.judgmentDate())) {
            problems.add(new FieldProblem("bodaccPublishedOn", "must not be before the opening judgment"));
        } else if (bodacc != null && bodacc.isAfter(today())) {
            problems.add(new FieldProblem("bodaccPublishedOn", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void required(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    private static void longest(String value, String field, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

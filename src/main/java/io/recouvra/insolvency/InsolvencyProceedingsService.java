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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records insolvency proceedings and tells the rest of Recouvra, in the same transaction: {@link InsolvencyOpened}
 * stops the automated actions on the claims born before the judgment, {@link BodaccPublished} starts the deadline
 * to declare them. The customer's own insolvency date is set too, which provisions and scoring read.
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

    InsolvencyProceedingsService(InsolvencyProceedingsRepository proceedings, CustomerService customers,
                                 InteractionLog interactions, ApplicationEventPublisher events, Clock clock,
                                 @Value("${recouvra.zone}") ZoneId zone) {
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

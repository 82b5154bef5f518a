package io.recouvra.guarantee;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Actors;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of guarantees: what secures each customer's receivables, and what was checked of each. */
@Service
public class Guarantees {

    private static final int TEXT = 2000;
    private static final String COLUMNS = """
            id, customer_id, invoice_id, kind, provider_name, provider_address, natural_person, amount, currency, starts_on,
            ends_on, reference, call_conditions, documents_required, handwritten_mention, reduced_to, annual_information_on,
            status, paid_out, expiry_warned_at, created_at, released_on, release_reason, joint_and_several, principal_only""";

    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final TaskService tasks;
    private final Clock clock;

    Guarantees(JdbcTemplate jdbc, CustomerService customers, InvoiceService invoices, InteractionLog interactions, TaskService tasks,
               Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.customers = customers;
        this.invoices = invoices;
        this.interactions = interactions;
        this.clock = clock;
    }

    /** Checks every field, then stores the guarantee and notes it on the customer's trail; nothing is stored when a field is refused. */
    @Transactional
    public Guarantee register(UUID customerId, NewGuarantee request) {
        customers.get(customerId);
        List<FieldProblem> problems = new ArrayList<>();
        UUID invoiceId = check(customerId, request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = UUID.randomUUID();
        boolean naturalPerson = Boolean.TRUE.equals(request.naturalPerson());
        boolean personal = request.kind() == GuaranteeKind.PERSONAL_GUARANTEE;
        jdbc.update("""
                insert into recouvra.guarantee (id, customer_id, invoice_id, kind, provider_name, provider_address, natural_person,
                    amount, currency, starts_on, ends_on, reference, call_conditions, documents_required, handwritten_mention,
                    reduced_to, annual_information_on, status, paid_out, created_at, created_by, joint_and_several, principal_only)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?, ?, ?)""",
                id, customerId, invoiceId, request.kind().name(), blankToNull(request.providerName()),
                blankToNull(request.providerAddress()), naturalPerson, request.amount(), request.currency(), request.startsOn(),
                request.endsOn(), blankToNull(request.reference()), blankToNull(request.callConditions()),
                blankToNull(request.documentsRequired()), Boolean.TRUE.equals(request.handwrittenMention()), request.reducedTo(),
                request.annualInformationOn(), Timestamp.from(clock.instant()), Actors.current(),
                personal ? request.jointAndSeveral() : null, personal && Boolean.TRUE.equals(request.principalOnly()));
        if (request.annualInformationOn() != null) {
            // the last information sent before Recouvra: the one for the year before the day it was sent
            jdbc.update("insert into recouvra.guarantee_annual_information (guarantee_id, for_year, informed_on) values (?, ?, ?)",
                    id, request.annualInformationOn().getYear() - 1, request.annualInformationOn());
        }
        Guarantee stored = get(id);
        interactions.record(customerId, invoiceId, Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Guarantee registered: " + describe(stored), null);
        return stored;
    }

    /**
     * Changes the cap, the end or the documents a call encloses, and writes the change on the trail. Refused (409) for a
     * released guarantee, and when a call waiting for its answer claims more than the new cap would leave: the letter
     * already asked the guarantor for that sum. A new end is warned of again when it nears.
     */
    @Transactional
    public Guarantee amend(UUID id, GuaranteeAmendment change) {
        Guarantee before = lock(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (change.amount() == null && change.endsOn() == null && change.documentsRequired() == null
                && change.jointAndSeveral() == null && change.principalOnly() == null) {
            problems.add(new FieldProblem("amount", "nothing to change: give amount, endsOn, documentsRequired, jointAndSeveral or principalOnly"));
        }
        if (before.kind() != GuaranteeKind.PERSONAL_GUARANTEE) {
            if (change.jointAndSeveral() != null) {
                problems.add(new FieldProblem("jointAndSeveral", "applies only to a personal guarantee (art. 2290 C. civ.)"));
            }
            if (change.principalOnly() != null) {
                problems.add(new FieldProblem("principalOnly", "applies only to a personal guarantee (art. 2295 C. civ.)"));
            }
        }
        if (change.amount() != null) {
            checkAmount(change.amount(), problems);
        }
        if (change.endsOn() != null && change.endsOn().isBefore(before.startsOn())) {
            problems.add(new FieldProblem("endsOn", "must not be before the guarantee's start, " + before.startsOn()));
        }
        length(problems, "documentsRequired", change.documentsRequired(), TEXT);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (before.status() == Guarantee.Status.RELEASED) {
            throw new ConflictException("id", "the guarantee was released on " + before.releasedOn() + ": register a new one");
        }
        BigDecimal called = openlyCalled(id);
        if (change.amount() != null && before.capLeftWith(change.amount()).compareTo(called) < 0) {
            throw new ConflictException("amount", "a call waiting for its answer claims " + AmountDisplay.of(called, before.currency())
                    + " under this guarantee: its cap left cannot go below that");
        }
        BigDecimal amount = change.amount() == null ? before.amount() : change.amount();
        LocalDate endsOn = change.endsOn() == null ? before.endsOn() : change.endsOn();
        String documents = change.documentsRequired() == null ? before.documentsRequired() : blankToNull(change.documentsRequired());
        Boolean jointAndSeveral = change.jointAndSeveral() == null ? before.jointAndSeveral() : change.jointAndSeveral();
        boolean principalOnly = change.principalOnly() == null ? before.principalOnly() : change.principalOnly();
        jdbc.update("""
                update recouvra.guarantee set amount = ?, ends_on = ?, documents_required = ?, joint_and_several = ?, principal_only = ?,
                    expiry_warned_at = case when ends_on is distinct from ? then null else expiry_warned_at end
                where id = ?""", amount, endsOn, documents, jointAndSeveral, principalOnly, endsOn, id);
        Guarantee after = get(id);
        interactions.record(after.customerId(), after.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Guarantee amended: " + changes(before, after), describe(after));
        return after;
    }

    /**
     * Gives the guarantee back (mainlevée): it no longer secures anything, is never called nor warned of, and stays in
     * the register with its calls. Refused (409) when already released or while a call waits for its answer.
     */
    @Transactional
    public Guarantee release(UUID id, GuaranteeRelease release, LocalDate today) {
        Guarantee guarantee = lock(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (release.releasedOn() == null) {
            problems.add(new FieldProblem("releasedOn", "is required: the day the guarantee was given back"));
        } else if (release.releasedOn().isAfter(today)) {
            problems.add(new FieldProblem("releasedOn", "must not be in the future: record the release once given"));
        } else if (release.releasedOn().isBefore(guarantee.startsOn())) {
            problems.add(new FieldProblem("releasedOn", "must not be before the guarantee's start, " + guarantee.startsOn()));
        }
        if (isBlank(release.reason())) {
            problems.add(new FieldProblem("reason", "is required: why the guarantee is given back"));
        }
        length(problems, "reason", release.reason(), TEXT);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (guarantee.status() == Guarantee.Status.RELEASED) {
            throw new ConflictException("id", "the guarantee was already released on " + guarantee.releasedOn());
        }
        if (openlyCalled(id).signum() > 0) {
            throw new ConflictException("id", "a call waits for the guarantor's answer: record the answer first");
        }
        jdbc.update("update recouvra.guarantee set status = 'RELEASED', released_on = ?, release_reason = ? where id = ?",
                release.releasedOn(), release.reason().strip(), id);
        // its early warning asked to call it or renew it: neither is to be done any more
        String warning = GuaranteeExpiryWarnings.TASK_PREFIX + id;
        if (tasks.createTaskQuery().taskId(warning).count() > 0) {
            tasks.deleteTask(warning, "guarantee released on " + release.releasedOn());
        }
        Guarantee released = get(id);
        interactions.record(released.customerId(), released.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Guarantee released on " + release.releasedOn() + ": " + describe(released), release.reason().strip());
        return released;
    }

    /** What the guarantee's calls still waiting for an answer claim. */
    private BigDecimal openlyCalled(UUID id) {
        return jdbc.queryForObject("select coalesce(sum(claimed), 0) from recouvra.guarantee_call where guarantee_id = ? and outcome is null",
                BigDecimal.class, id);
    }

    private static String changes(Guarantee before, Guarantee after) {
        List<String> changed = new ArrayList<>();
        if (before.amount().compareTo(after.amount()) != 0) {
            changed.add("amount " + AmountDisplay.of(before.amount(), before.currency()) + " -> " + AmountDisplay.of(after.amount(), after.currency()));
        }
        if (!Objects.equals(before.endsOn(), after.endsOn())) {
            changed.add("end " + (before.endsOn() == null ? "none" : before.endsOn()) + " -> " + after.endsOn());
        }
        if (!Objects.equals(before.jointAndSeveral(), after.jointAndSeveral())) {
            changed.add(solidarity(before) + " -> " + solidarity(after));
        }
        if (before.principalOnly() != after.principalOnly()) {
            changed.add(after.principalOnly() ? "limited to the principal" : "no longer limited to the principal");
        }
        if (!Objects.equals(before.documentsRequired(), after.documentsRequired())) {
            changed.add("documents required " + (after.documentsRequired() == null ? "none" : after.documentsRequired().replaceAll("\\R", "; ")));
        }
        return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
    }

    private static String solidarity(Guarantee g) {
        return g.jointAndSeveral() == null ? "solidarity not recorded" : g.jointAndSeveral() ? "joint and several" : "simple";
    }

    private static void checkAmount(BigDecimal amount, List<FieldProblem> problems) {
        if (amount.signum() <= 0) {
            problems.add(new FieldProblem("amount", "is required and must be above 0"));
        } else if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
            problems.add(new FieldProblem("amount", "must have at most 17 digits and 2 decimals"));
        }
    }

    private UUID check(UUID customerId, NewGuarantee r, List<FieldProblem> problems) {
        if (r.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: PERSONAL_GUARANTEE, FIRST_DEMAND_GUARANTEE, RETENTION_OF_TITLE or DEPOSIT"));
            return null;
        }
        if (r.amount() == null) {
            problems.add(new FieldProblem("amount", "is required and must be above 0"));
        } else {
            checkAmount(r.amount(), problems);
        }
        if (r.currency() == null || !r.currency().matches("[A-Z]{3}")) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 currency code such as EUR"));
        }
        if (r.startsOn() == null) {
            problems.add(new FieldProblem("startsOn", "is required: the day the guarantee takes effect"));
        } else if (r.endsOn() != null && r.endsOn().isBefore(r.startsOn())) {
            problems.add(new FieldProblem("endsOn", "must not be before startsOn"));
        }
        boolean guarantor = r.kind().callable();
        if (guarantor && isBlank(r.providerName())) {
            problems.add(new FieldProblem("providerName", r.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE
                    ? "is required: the bank that issued the guarantee" : "is required: the guarantor"));
        }
        if (guarantor && isBlank(r.providerAddress())) {
            problems.add(new FieldProblem("providerAddress", "is required: where the call letter is sent"));
        }
        if (r.kind() == GuaranteeKind.PERSONAL_GUARANTEE && r.naturalPerson() == null) {
            problems.add(new FieldProblem("naturalPerson", "is required for a personal guarantee: the formalities of art. 2297 and 2300 C. civ. depend on it"));
        }
        if (r.kind() == GuaranteeKind.PERSONAL_GUARANTEE && r.jointAndSeveral() == null) {
            problems.add(new FieldProblem("jointAndSeveral", "is required for a personal guarantee: true when the deed makes the guarantor "
                    + "jointly and severally liable (solidaire), false for a simple one, who may require the debtor to be pursued first "
                    + "(art. 2290 and 2305 C. civ.)"));
        }
        if (r.kind() != GuaranteeKind.PERSONAL_GUARANTEE && r.jointAndSeveral() != null) {
            problems.add(new FieldProblem("jointAndSeveral", "applies only to a personal guarantee (art. 2290 C. civ.)"));
        }
        if (r.kind() != GuaranteeKind.PERSONAL_GUARANTEE && Boolean.TRUE.equals(r.principalOnly())) {
            problems.add(new FieldProblem("principalOnly", "applies only to a personal guarantee (art. 2295 C. civ.)"));
        }
        if (r.annualInformationOn() != null && r.startsOn() != null && r.annualInformationOn().isBefore(r.startsOn())) {
            problems.add(new FieldProblem("annualInformationOn", "must not be before startsOn: no information is owed before the guarantee"));
        }
        if (r.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE) {
            if (r.endsOn() == null) {
                problems.add(new FieldProblem("endsOn", "is required for a first-demand guarantee: its expiry, after which it cannot be called"));
            }
            if (isBlank(r.callConditions())) {
                problems.add(new FieldProblem("callConditions", "is required for a first-demand guarantee: what a call must say and enclose"));
            }
        }
        if (r.reducedTo() != null) {
            if (r.kind() != GuaranteeKind.PERSONAL_GUARANTEE || !Boolean.TRUE.equals(r.naturalPerson())) {
                problems.add(new FieldProblem("reducedTo", "applies only to a natural person's personal guarantee (art. 2300 C. civ.)"));
            } else if (r.reducedTo().signum() < 0 || (r.amount() != null && r.reducedTo().compareTo(r.amount()) > 0)) {
                problems.add(new FieldProblem("reducedTo", "must be between 0 and the amount"));
            }
        }
        if (r.handwrittenMention() != null && r.handwrittenMention()
                && (r.kind() != GuaranteeKind.PERSONAL_GUARANTEE || !Boolean.TRUE.equals(r.naturalPerson()))) {
            problems.add(new FieldProblem("handwrittenMention", "applies only to a natural person's personal guarantee (art. 2297 C. civ.)"));
        }
        length(problems, "providerName", r.providerName(), 200);
        length(problems, "providerAddress", r.providerAddress(), 500);
        length(problems, "reference", r.reference(), 100);
        length(problems, "callConditions", r.callConditions(), TEXT);
        length(problems, "documentsRequired", r.documentsRequired(), TEXT);
        if (isBlank(r.invoiceNumber())) {
            if (r.kind() == GuaranteeKind.RETENTION_OF_TITLE) {
                problems.add(new FieldProblem("invoiceNumber", "is required: a retention-of-title clause belongs to the invoice of the goods"));
            }
            return null;
        }
        Optional<Invoice> invoice = invoices.find(r.invoiceNumber());
        if (invoice.isEmpty() || !invoice.get().getCustomer().getId().equals(customerId)) {
            problems.add(new FieldProblem("invoiceNumber", "is not an invoice of this customer"));
            return null;
        }
        if (r.currency() != null && !invoice.get().getCurrency().equals(r.currency())) {
            problems.add(new FieldProblem("currency", "must be the invoice's currency, " + invoice.get().getCurrency()));
        }
        return invoice.get().getId();
    }

    @Transactional(readOnly = true)
    public List<Guarantee> ofCustomer(UUID customerId) {
        return jdbc.query("select " + COLUMNS + " from recouvra.guarantee where customer_id = ? order by starts_on, created_at",
                this::row, customerId);
    }

    @Transactional(readOnly = true)
    public Guarantee get(UUID id) {
        return jdbc.query("select " + COLUMNS + " from recouvra.guarantee where id = ?", this::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No guarantee " + id));
    }

    /** Takes the guarantee's row lock, for a call or its answer. */
    Guarantee lock(UUID id) {
        jdbc.query("select id from recouvra.guarantee where id = ? for update", rs -> null, id);
        return get(id);
    }

    /** Guarantees in force whose end falls on or before {@code lastDay} and that were not warned of yet. */
    @Transactional(readOnly = true)
    List<Guarantee> endingBy(LocalDate lastDay) {
        return jdbc.query("select " + COLUMNS + " from recouvra.guarantee where status = 'ACTIVE' and expiry_warned_at is null "
                + "and ends_on <= ? order by ends_on", this::row, lastDay);
    }

    /**
     * The guarantees a natural person gave with the handwritten mention and is still bound by (in force, called, or
     * refused: a refusal does not free the guarantor), to whom the creditor owes the information of art. 2302 and
     * 2303 C. civ.; only those not told of a first default yet when {@code firstDefaultUntold}.
     */
    @Transactional(readOnly = true)
    List<Guarantee> ofBoundNaturalPersons(boolean firstDefaultUntold) {
        return jdbc.query("select " + COLUMNS + " from recouvra.guarantee where kind = 'PERSONAL_GUARANTEE' and natural_person "
                + "and handwritten_mention and status in ('ACTIVE', 'CALLED', 'REFUSED')"
                + (firstDefaultUntold ? " and first_default_notified_on is null" : "") + " order by created_at, id", this::row);
    }

    /** Recouvra sent the annual information stating 31 December of {@code forYear}: kept in the history and as the last. */
    void markAnnualInformation(UUID id, int forYear, LocalDate day) {
        jdbc.update("update recouvra.guarantee set annual_information_on = ? where id = ?", day, id);
        jdbc.update("""
                insert into recouvra.guarantee_annual_information (guarantee_id, for_year, informed_on) values (?, ?, ?)
                on conflict (guarantee_id, for_year) do nothing""", id, forYear, day);
    }

    /**
     * Records an annual information sent outside Recouvra (before it kept the register, or by hand): the information
     * sent on {@code informedOn} states 31 December of the year before. Refused (400) in the future, before the guarantee
     * existed on that 31 December, or for a guarantee that owes none (not a natural person's personal guarantee); 409
     * when that year's information is already recorded. The last information day follows when it is later.
     */
    @Transactional
    public List<LocalDate> recordAnnualInformation(UUID id, LocalDate informedOn, LocalDate today) {
        Guarantee guarantee = lock(id);
        if (guarantee.kind() != GuaranteeKind.PERSONAL_GUARANTEE || !guarantee.naturalPerson()) {
            throw new InvalidInputException("informedOn", "the annual information of art. 2302 C. civ. is owed only to a natural "
                    + "person's personal guarantee");
        }
        if (informedOn == null) {
            throw new InvalidInputException("informedOn", "is required: the day the annual information was sent");
        }
        if (informedOn.isAfter(today)) {
            throw new InvalidInputException("informedOn", "must not be in the future: record the information once sent");
        }
        int forYear = informedOn.getYear() - 1;
        if (guarantee.startsOn().getYear() > forYear) {
            throw new InvalidInputException("informedOn", "an information sent in " + informedOn.getYear() + " states 31 December "
                    + forYear + ", before the guarantee started on " + guarantee.startsOn());
        }
        int stored = jdbc.update("""
                insert into recouvra.guarantee_annual_information (guarantee_id, for_year, informed_on) values (?, ?, ?)
                on conflict (guarantee_id, for_year) do nothing""", id, forYear, informedOn);
        if (stored == 0) {
            throw new ConflictException("informedOn", "the information stating 31 December " + forYear + " is already recorded");
        }
        jdbc.update("update recouvra.guarantee set annual_information_on = ? where id = ? and (annual_information_on is null "
                + "or annual_information_on < ?)", informedOn, id, informedOn);
        interactions.record(guarantee.customerId(), guarantee.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Guarantor's annual information (art. 2302 C. civ.) for " + forYear + " recorded as sent on " + informedOn, describe(guarantee));
        return annualInformation(id);
    }

    /** The days each annual information of art. 2302 was sent to the guarantor, oldest first. */
    @Transactional(readOnly = true)
    public List<LocalDate> annualInformation(UUID id) {
        return jdbc.queryForList("select informed_on from recouvra.guarantee_annual_information where guarantee_id = ? order by informed_on",
                LocalDate.class, id);
    }

    /** The day the first-default notice of art. 2303 was queued to the guarantor, or null when it was not (yet). */
    LocalDate firstDefaultNotifiedOn(UUID id) {
        return jdbc.query("select first_default_notified_on from recouvra.guarantee where id = ?",
                (rs, n) -> rs.getObject(1, LocalDate.class), id).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Marks the guarantor told of the first default; false when it already was. */
    boolean markFirstDefaultNotified(UUID id, LocalDate day) {
        return jdbc.update("update recouvra.guarantee set first_default_notified_on = ? where id = ? and first_default_notified_on is null",
                day, id) == 1;
    }

    /** Marks the expiry warning raised; false when another run raised it first. */
    boolean markWarned(UUID id, Instant at) {
        return jdbc.update("update recouvra.guarantee set expiry_warned_at = ? where id = ? and expiry_warned_at is null",
                Timestamp.from(at), id) == 1;
    }

    void setStatus(UUID id, Guarantee.Status status) {
        jdbc.update("update recouvra.guarantee set status = ? where id = ?", status.name(), id);
    }

    void addPaidOut(UUID id, BigDecimal paid) {
        jdbc.update("update recouvra.guarantee set paid_out = paid_out + ? where id = ?", paid, id);
    }

    static String describe(Guarantee g) {
        String kind = switch (g.kind()) {
            case PERSONAL_GUARANTEE -> "personal guarantee";
            case FIRST_DEMAND_GUARANTEE -> "first-demand guarantee";
            case RETENTION_OF_TITLE -> "retention of title";
            case DEPOSIT -> "deposit";
        };
        String terms = g.kind() != GuaranteeKind.PERSONAL_GUARANTEE ? ""
                : " (" + solidarity(g) + (g.principalOnly() ? ", principal only" : "") + ")";
        return kind + (g.providerName() == null ? "" : " by " + g.providerName()) + terms + ", " + AmountDisplay.of(g.amount(), g.currency())
                + (g.endsOn() == null ? "" : ", until " + g.endsOn()) + (g.invoiceNumber() == null ? "" : ", invoice " + g.invoiceNumber());
    }

    private Guarantee row(ResultSet rs, int n) throws SQLException {
        UUID invoiceId = rs.getObject("invoice_id", UUID.class);
        Timestamp warned = rs.getTimestamp("expiry_warned_at");
        return new Guarantee(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), invoiceId,
                invoiceId == null ? null : invoices.get(invoiceId).getNumber(), GuaranteeKind.valueOf(rs.getString("kind")),
                rs.getString("provider_name"), rs.getString("provider_address"), rs.getBoolean("natural_person"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("reference"), rs.getString("call_conditions"),
                rs.getString("documents_required"), rs.getBoolean("handwritten_mention"), rs.getBigDecimal("reduced_to"),
                rs.getObject("annual_information_on", LocalDate.class), Guarantee.Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("paid_out"), warned == null ? null : warned.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("released_on", LocalDate.class), rs.getString("release_reason"), (Boolean) rs.getObject("joint_and_several"),
                rs.getBoolean("principal_only"));
    }

    private static void length(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}

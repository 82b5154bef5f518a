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
import java.util.Optional;
import java.util.UUID;
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
            status, paid_out, expiry_warned_at, created_at""";

    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final Clock clock;

    Guarantees(JdbcTemplate jdbc, CustomerService customers, InvoiceService invoices, InteractionLog interactions, Clock clock) {
        this.jdbc = jdbc;
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
        jdbc.update("""
                insert into recouvra.guarantee (id, customer_id, invoice_id, kind, provider_name, provider_address, natural_person,
                    amount, currency, starts_on, ends_on, reference, call_conditions, documents_required, handwritten_mention,
                    reduced_to, annual_information_on, status, paid_out, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)""",
                id, customerId, invoiceId, request.kind().name(), blankToNull(request.providerName()),
                blankToNull(request.providerAddress()), naturalPerson, request.amount(), request.currency(), request.startsOn(),
                request.endsOn(), blankToNull(request.reference()), blankToNull(request.callConditions()),
                blankToNull(request.documentsRequired()), Boolean.TRUE.equals(request.handwrittenMention()), request.reducedTo(),
                request.annualInformationOn(), Timestamp.from(clock.instant()), Actors.current());
        Guarantee stored = get(id);
        interactions.record(customerId, invoiceId, Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                "Guarantee registered: " + describe(stored), null);
        return stored;
    }

    private UUID check(UUID customerId, NewGuarantee r, List<FieldProblem> problems) {
        if (r.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: PERSONAL_GUARANTEE, FIRST_DEMAND_GUARANTEE, RETENTION_OF_TITLE or DEPOSIT"));
            return null;
        }
        if (r.amount() == null || r.amount().signum() <= 0) {
            problems.add(new FieldProblem("amount", "is required and must be above 0"));
        } else if (r.amount().stripTrailingZeros().scale() > 2 || r.amount().precision() - r.amount().scale() > 17) {
            problems.add(new FieldProblem("amount", "must have at most 17 digits and 2 decimals"));
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
        return kind + (g.providerName() == null ? "" : " by " + g.providerName()) + ", " + AmountDisplay.of(g.amount(), g.currency())
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
                rs.getBigDecimal("paid_out"), warned == null ? null : warned.toInstant(), rs.getTimestamp("created_at").toInstant());
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

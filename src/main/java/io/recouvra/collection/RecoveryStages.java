package io.recouvra.collection;

import io.recouvra.agency.AgencyCases;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.LedgerEvents.InvoiceEscalated;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.receivables.LedgerEvents.InvoiceWrittenOff;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, as it happens, how far each invoice's collection went (table {@code collection_stage}) and, when the invoice
 * is settled, the last stage it had reached then with what was recovered (table {@code invoice_recovery}): the
 * dashboard's recovery by stage (docs/dashboard.md). The stages are the steps themselves, never read back from texts.
 * Heard in the ledger's transaction: the record and the ledger change commit together.
 */
@Component
public class RecoveryStages {

    /** A stage an invoice's collection reaches; {@link #reminder(int)} for the dunning levels. */
    public static final String PRE_DUE_REMINDER = "PRE_DUE_REMINDER";
    public static final String CALL = "CALL";
    public static final String FORMAL_NOTICE = "FORMAL_NOTICE";
    public static final String INSURER = "INSURER";
    public static final String AGENCY = "AGENCY";
    public static final String COURT = "COURT";
    /** How a settled invoice with no stage was recovered: settled by its due date, or later before any reminder. */
    public static final String BEFORE_DUE = "BEFORE_DUE";
    public static final String LATE_UNCHASED = "LATE_UNCHASED";
    public static final String WRITTEN_OFF = "WRITTEN_OFF";

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final CollectionCalendar calendar;
    private final Clock clock;
    private final AgencyCases agencies;

    RecoveryStages(JdbcTemplate jdbc, InvoiceService invoices, CollectionCalendar calendar, Clock clock, AgencyCases agencies) {
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static String reminder(int level) {
        return "REMINDER_" + level;
    }

    /** The invoice reached this stage now; reached again (a second call), the later moment is kept. */
    void reached(UUID invoiceId, String stage) {
        jdbc.update("""
                insert into recouvra.collection_stage (invoice_id, stage, reached_at) values (?, ?, ?)
                on conflict (invoice_id, stage) do update set reached_at = excluded.reached_at""",
                invoiceId, stage, Timestamp.from(clock.instant()));
    }

    /** The insurer, an agency or a court took the case: the ledger says so when it marks the invoice. */
    @EventListener
    void escalated(InvoiceEscalated escalated) {
        reached(escalated.invoiceId(), switch (escalated.to()) {
            case WITH_INSURER -> INSURER;
            case WITH_AGENCY -> AGENCY;
            default -> COURT;
        });
    }

    /**
     * Paid in full. A cancellation by credit notes recovers nothing and a late-charges debit note is no sale: both are
     * left out, as from every receivables figure.
     */
    @EventListener
    void settled(InvoiceSettled settled) {
        Invoice invoice = invoices.get(settled.number());
        if (settled.status() == InvoiceStatus.PAID && !invoice.isLateCharges()) {
            LocalDate today = calendar.today();
            String stage = lastStageOf(invoice.getId())
                    .orElse(today.isAfter(invoice.getDueDate()) ? LATE_UNCHASED : BEFORE_DUE);
            record(invoice, today, stage, invoice.owed(), BigDecimal.ZERO);
        }
    }

    @EventListener
    void writtenOff(InvoiceWrittenOff writtenOff) {
        Invoice invoice = invoices.get(writtenOff.number());
        if (invoice.isLateCharges()) {
            return;
        }
        record(invoice, calendar.today(), WRITTEN_OFF, invoice.owed().subtract(writtenOff.amount()), writtenOff.amount());
    }

    /** The stage reached last; two of the same moment (one step) in the order of escalation. */
    Optional<String> lastStageOf(UUID invoiceId) {
        List<String> stages = jdbc.queryForList("""
                select stage from recouvra.collection_stage where invoice_id = ?
                order by reached_at desc, case stage when 'COURT' then 0 when 'AGENCY' then 1 when 'INSURER' then 2
                    when 'FORMAL_NOTICE' then 3 when 'CALL' then 4 else 5 end, stage desc
                limit 1""", String.class, invoiceId);
        return stages.stream().findFirst();
    }

    private void record(Invoice invoice, LocalDate settledOn, String stage, BigDecimal recovered, BigDecimal writtenOff) {
        jdbc.update("""
                insert into recouvra.invoice_recovery (invoice_id, invoice_number, customer_id, currency, due_date, settled_on,
                    stage, recovered, written_off)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""",
                invoice.getId(), invoice.getNumber(), invoice.getCustomer().getId(), invoice.getCurrency(), invoice.getDueDate(),
                settledOn, stage, recovered, writtenOff);
    }

    /**
     * The invoices of one currency settled in a period whose collection had last reached one stage: how many, what was
     * recovered on them, what was written off, and (stage AGENCY) the agencies' commissions on their cases.
     */
    public record StageTally(String currency, String stage, long count, BigDecimal recovered, BigDecimal writtenOff,
                             BigDecimal agencyCommission) {
    }

    /** One invoice settled, as the recovery page's drill-down lists it. */
    public record SettledInvoice(UUID invoiceId, String invoiceNumber, UUID customerId, String currency, LocalDate dueDate,
                                 LocalDate settledOn, String stage, BigDecimal recovered, BigDecimal writtenOff) {
    }

    /** The invoices settled from {@code from} to {@code to} (both included), by currency and stage: one grouped query. */
    @Transactional(readOnly = true)
    public List<StageTally> settledIn(LocalDate from, LocalDate to) {
        Map<UUID, BigDecimal> commissions = agencies.commissionsOn(jdbc.queryForList("""
                select invoice_id from recouvra.invoice_recovery where settled_on between ? and ? and stage = ?""",
                UUID.class, from, to, AGENCY));
        Map<String, BigDecimal> commissionByCurrency = new HashMap<>();
        if (!commissions.isEmpty()) {
            jdbc.query("select invoice_id, currency from recouvra.invoice_recovery where invoice_id = any (?)",
                    (java.sql.ResultSet rs) -> {
                        commissionByCurrency.merge(rs.getString(2), commissions.get(rs.getObject(1, UUID.class)), BigDecimal::add);
                    }, (Object) commissions.keySet().toArray(UUID[]::new));
        }
        return jdbc.query("""
                select currency, stage, count(*), sum(recovered), sum(written_off) from recouvra.invoice_recovery
                where settled_on between ? and ? group by currency, stage order by currency, stage""",
                (rs, n) -> new StageTally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        AGENCY.equals(rs.getString(2)) ? commissionByCurrency.getOrDefault(rs.getString(1), BigDecimal.ZERO)
                                : BigDecimal.ZERO), from, to);
    }

    /** The invoices of one currency (and stage, if given) settled in the period, last settled first, a page at a time. */
    @Transactional(readOnly = true)
    public List<SettledInvoice> settledList(LocalDate from, LocalDate to, String currency, String stage, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(from, to, currency));
        String ofStage = "";
        if (stage != null) {
            ofStage = " and stage = ?";
            args.add(stage);
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("""
                select invoice_id, invoice_number, customer_id, currency, due_date, settled_on, stage, recovered, written_off
                from recouvra.invoice_recovery where settled_on between ? and ? and currency = ?""" + ofStage
                        + " order by settled_on desc, invoice_number limit ? offset ?",
                (rs, n) -> new SettledInvoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9)), args.toArray());
    }
}

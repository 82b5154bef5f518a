package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger read for the manager dashboard: the sales invoices behind a figure (a drill-down, one page at a time),
 * the month's sales and the aged balance by segment (the monthly snapshot). Set-based queries returning read
 * models; sales are {@link InvoiceKind#INVOICE} only (late-charge debit notes are not sales), VAT included.
 */
@Component
public class LedgerReports {

    /** A sales invoice still owed, as a drill-down lists it. */
    public record OwedInvoice(UUID id, String number, UUID customerId, String customerName, LocalDate issueDate, LocalDate dueDate,
                              String currency, BigDecimal amount, BigDecimal outstanding, InvoiceStatus status) {
    }

    /** One page of a drill-down and how many invoices it has in all. */
    public record OwedPage(List<OwedInvoice> invoices, long total) {
    }

    /**
     * The segments the dashboard reports by: the customer's type, and the risk class and strategy collection assessed
     * the invoice with ({@code ""} when it was not assessed, or its table gave no strategy name).
     */
    public record Segment(String customerType, String riskClass, String strategy) {
    }

    /** What the sales invoices of one currency and segment falling due on one day still owe. */
    public record OwedBySegment(String currency, Segment segment, LocalDate dueDate, BigDecimal outstanding) {
    }

    /** The sales of one currency and segment in a period. */
    public record SalesBySegment(String currency, Segment segment, BigDecimal sales) {
    }

    /** What the sales invoices of one currency frozen by their customers' insolvency proceedings still owe. */
    public record FrozenOwed(String currency, long invoices, BigDecimal outstanding) {
    }

    private static final String OWED = "i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.kind = 'INVOICE' and i.outstanding > 0";
    /**
     * {@link Invoice#isFrozenByInsolvency()} in SQL: born (delivered, else issued) before its customer's insolvency day,
     * the opening judgment's; for ever, whether or not the customer has since come out of the proceedings.
     */
    private static final String FROZEN = "c.insolvency_reported_on is not null and coalesce(i.delivered_on, i.issue_date) < c.insolvency_reported_on";

    /** At most one row per invoice (its key is the invoice's): joining it never repeats an invoice. */
    private static final String SEGMENT_JOIN = " left join recouvra.invoice_segment s on s.invoice_id = i.id";

    private final JdbcTemplate jdbc;

    LedgerReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sales invoices issued by {@code day} that still owe something in {@code currency}, falling due between the
     * two days given (either may be open), oldest due first.
     */
    @Transactional(readOnly = true)
    public OwedPage owed(LocalDate day, String currency, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        return owed(day, currency, dueFrom, dueTo, false, page, size);
    }

    /**
     * The sales invoices issued by {@code day} that still owe something in {@code currency} and are frozen by their
     * customer's insolvency proceedings (declared, paid only through them), oldest due first.
     */
    @Transactional(readOnly = true)
    public OwedPage owedFrozenByInsolvency(LocalDate day, String currency, int page, int size) {
        return owed(day, currency, null, null, true, page, size);
    }

    /** Per currency, what the sales invoices issued by {@code day} and frozen by insolvency proceedings still owe. */
    @Transactional(readOnly = true)
    public List<FrozenOwed> frozenByInsolvency(LocalDate day) {
        return jdbc.query("""
                select i.currency, count(*), sum(i.outstanding)
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where""" + " " + OWED + " and " + FROZEN + """
                 and i.issue_date <= ?
                group by i.currency order by i.currency""",
                (rs, n) -> new FrozenOwed(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)), day);
    }

    /** A segment the dashboard reports by, as {@link #owedBySegment} reads it ({@code ""}: not assessed). */
    public enum SegmentKind {
        CUSTOMER_TYPE("c.customer_type"),
        RISK_CLASS("coalesce(s.risk_class, '')"),
        STRATEGY("coalesce(s.strategy, '')");

        private final String column;

        SegmentKind(String column) {
            this.column = column;
        }
    }

    /**
     * The sales invoices issued by {@code day} that still owe something in {@code currency} and belong to one segment
     * ({@code value} as {@link #owedBySegment} gives it, {@code ""} for none assessed), oldest due first.
     */
    @Transactional(readOnly = true)
    public OwedPage owedInSegment(LocalDate day, String currency, SegmentKind kind, String value, int page, int size) {
        return owed(day, currency, null, null, false, kind, value, page, size);
    }

    private OwedPage owed(LocalDate day, String currency, LocalDate dueFrom, LocalDate dueTo, boolean frozenOnly, int page, int size) {
        return owed(day, currency, dueFrom, dueTo, frozenOnly, null, null, page, size);
    }

    private OwedPage owed(LocalDate day, String currency, LocalDate dueFrom, LocalDate dueTo, boolean frozenOnly,
                          SegmentKind kind, String value, int page, int size) {
        List<Object> parameters = new ArrayList<>(List.of(currency, day));
        StringBuilder where = new StringBuilder(" where " + OWED + " and i.currency = ? and i.issue_date <= ?");
        if (kind != null) {
            where.append(" and ").append(kind.column).append(" = ?");
            parameters.add(value);
        }
        if (frozenOnly) {
            where.append(" and ").append(FROZEN);
        }
        if (dueFrom != null) {
            where.append(" and i.due_date >= ?");
            parameters.add(dueFrom);
        }
        if (dueTo != null) {
            where.append(" and i.due_date <= ?");
            parameters.add(dueTo);
        }
        Long total = jdbc.queryForObject("select count(*) from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id"
                + SEGMENT_JOIN + where, Long.class, parameters.toArray());
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add((long) page * size);
        List<OwedInvoice> invoices = jdbc.query("""
                select i.id, i.number, i.customer_id, c.legal_name, i.issue_date, i.due_date, i.currency, i.amount, i.outstanding,
                       i.status
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id""" + SEGMENT_JOIN + where
                        + " order by i.due_date, i.number limit ? offset ?",
                (rs, n) -> new OwedInvoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), InvoiceStatus.valueOf(rs.getString(10))),
                paged.toArray());
        return new OwedPage(invoices, total == null ? 0 : total);
    }

    /** What the sales invoices issued by {@code day} still owe, by currency, segment and due date. */
    @Transactional(readOnly = true)
    public List<OwedBySegment> owedBySegment(LocalDate day) {
        return jdbc.query("""
                select i.currency, c.customer_type, coalesce(s.risk_class, ''), coalesce(s.strategy, ''), i.due_date,
                       sum(i.outstanding)
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                left join recouvra.invoice_segment s on s.invoice_id = i.id
                where""" + " " + OWED + """
                 and i.issue_date <= ?
                group by 1, 2, 3, 4, 5""",
                (rs, n) -> new OwedBySegment(rs.getString(1), new Segment(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)),
                day);
    }

    /** The sales invoiced from {@code first} to {@code last}, both included, by currency and segment. */
    @Transactional(readOnly = true)
    public List<SalesBySegment> salesBySegment(LocalDate first, LocalDate last) {
        return jdbc.query("""
                select i.currency, c.customer_type, coalesce(s.risk_class, ''), coalesce(s.strategy, ''), sum(i.amount)
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                left join recouvra.invoice_segment s on s.invoice_id = i.id
                where i.kind = 'INVOICE' and i.issue_date between ? and ?
                group by 1, 2, 3, 4""",
                (rs, n) -> new SalesBySegment(rs.getString(1), new Segment(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getBigDecimal(5)), first, last);
    }
}

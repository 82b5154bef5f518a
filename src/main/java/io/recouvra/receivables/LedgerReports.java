package io.recouvra.receivables;

import io.recouvra.web.PageView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
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

    /**
     * One page of a drill-down: its invoices; the page number asked for (with a cursor, the number the caller says it
     * is); how many invoices the drill-down has, counted up to {@link PageView#COUNT_CAP} + 1 ({@code totalExact} false
     * above: "more than 10,000"); and the cursor of the next page, null on the last.
     */
    public record OwedPage(List<OwedInvoice> invoices, int page, long total, boolean totalExact, String next) {

        public boolean hasNext() {
            return next != null;
        }
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
    public static OwedFilter owed(LocalDate day, String currency, LocalDate dueFrom, LocalDate dueTo) {
        return new OwedFilter(day, currency, dueFrom, dueTo, false, null, null);
    }

    /**
     * The sales invoices issued by {@code day} that still owe something in {@code currency} and are frozen by their
     * customer's insolvency proceedings (declared, paid only through them), oldest due first.
     */
    public static OwedFilter owedFrozenByInsolvency(LocalDate day, String currency) {
        return new OwedFilter(day, currency, null, null, true, null, null);
    }

    /**
     * The sales invoices issued by {@code day} that still owe something in {@code currency} and belong to one segment
     * ({@code value} as {@link #owedBySegment} gives it, {@code ""} for none assessed), oldest due first.
     */
    public static OwedFilter owedInSegment(LocalDate day, String currency, SegmentKind kind, String value) {
        return new OwedFilter(day, currency, null, null, false, kind, value);
    }

    /**
     * A page of a drill-down, in its order (due date, then number): after the invoice the cursor {@code after} names
     * when given (a page read from where the previous one ended costs the same at the millionth invoice as at the
     * first), else page {@code page} (the rows before it skipped); with the cursor of the next page whenever there is
     * one, so a page reached by number goes on with the cursor. With a cursor, {@code page} is only the number the
     * caller gives the page it shows.
     */
    @Transactional(readOnly = true)
    public OwedPage page(OwedFilter filter, String after, int page, int size) {
        ListCursor.InvoiceKey key = after == null ? null : ListCursor.invoiceKey(after);
        List<OwedInvoice> found = rows(filter, key, key == null ? (long) page * size : 0, size + 1);
        boolean hasNext = found.size() > size;
        List<OwedInvoice> shown = hasNext ? found.subList(0, size) : found;
        long counted = count(filter);
        return new OwedPage(List.copyOf(shown), page, Math.min(counted, PageView.COUNT_CAP), counted <= PageView.COUNT_CAP,
                hasNext ? ListCursor.of(keyOf(shown.get(shown.size() - 1))) : null);
    }

    /**
     * Every invoice of a drill-down, in its order, {@code batch} at a time by cursor (for its CSV: no page skips rows,
     * nothing is counted).
     */
    @Transactional(readOnly = true)
    public void each(OwedFilter filter, int batch, Consumer<OwedInvoice> invoice) {
        ListCursor.InvoiceKey after = null;
        List<OwedInvoice> rows;
        do {
            rows = rows(filter, after, 0, batch);
            rows.forEach(invoice);
            after = rows.isEmpty() ? null : keyOf(rows.get(rows.size() - 1));
        } while (rows.size() == batch);
    }

    /** The rows a drill-down shows: what it filters on, as the methods above name it. */
    public record OwedFilter(LocalDate day, String currency, LocalDate dueFrom, LocalDate dueTo, boolean frozenOnly,
                             SegmentKind kind, String value) {

        /** The tables the filter reads beside the invoice: the customer's for its type or insolvency, the segment's. */
        private String from(boolean customerNeeded) {
            StringBuilder from = new StringBuilder("recouvra.invoice i");
            if (customerNeeded || frozenOnly || kind == SegmentKind.CUSTOMER_TYPE) {
                from.append(" join recouvra.customer c on c.id = i.customer_id");
            }
            if (kind == SegmentKind.RISK_CLASS || kind == SegmentKind.STRATEGY) {
                from.append(SEGMENT_JOIN);
            }
            return from.toString();
        }

        private String where(List<Object> parameters) {
            parameters.add(currency);
            parameters.add(day);
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
            return where.toString();
        }
    }

    private static ListCursor.InvoiceKey keyOf(OwedInvoice invoice) {
        return new ListCursor.InvoiceKey(invoice.dueDate(), invoice.number());
    }

    /**
     * {@code limit} invoices of the filter after the cursor (a row comparison: the condition of the index
     * {@code idx_invoice_owed_by_due_date} walks, not a filter over the rows before it), else after {@code offset}.
     */
    private List<OwedInvoice> rows(OwedFilter filter, ListCursor.InvoiceKey after, long offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select i.id, i.number, i.customer_id, c.legal_name, i.issue_date, i.due_date, i.currency, i.amount, i.outstanding,
                       i.status
                from\s""").append(filter.from(true)).append(filter.where(parameters));
        if (after != null) {
            sql.append(" and (i.due_date, i.number) > (?::date, ?::varchar)");
            parameters.add(after.dueDate());
            parameters.add(after.number());
        }
        sql.append(" order by i.due_date, i.number limit ?");
        parameters.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            parameters.add(offset);
        }
        return jdbc.query(sql.toString(),
                (rs, n) -> new OwedInvoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), InvoiceStatus.valueOf(rs.getString(10))),
                parameters.toArray());
    }

    /**
     * How many invoices the filter has, {@link PageView#COUNT_CAP} + 1 at most: in the drill-down's order, so that the
     * count walks the index the page reads and stops at the cap (the customer joined only when the filter needs it:
     * every invoice has one).
     */
    private long count(OwedFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String rows = "select 1 from " + filter.from(false) + filter.where(parameters) + " order by i.due_date, i.number limit ?";
        parameters.add(PageView.COUNT_CAP + 1);
        Long counted = jdbc.queryForObject("select count(*) from (" + rows + ") capped", Long.class, parameters.toArray());
        return counted == null ? 0 : counted;
    }

    /**
     * Per currency, what the sales invoices issued by {@code day} and frozen by insolvency proceedings still owe.
     * Read customer by customer, from the few in proceedings to their own invoices by index: joined as a whole, the
     * planner took one customer in proceedings for half the book and read all of it (DashboardBenchmark, 461 ms at a
     * million invoices); {@code offset 0} keeps the lateral subquery from being flattened back into that join.
     */
    @Transactional(readOnly = true)
    public List<FrozenOwed> frozenByInsolvency(LocalDate day) {
        return jdbc.query("""
                select i.currency, count(*), sum(i.outstanding)
                from recouvra.customer c cross join lateral (
                    select i.currency, i.outstanding from recouvra.invoice i
                    where i.customer_id = c.id and""" + " " + OWED + " and " + FROZEN + """
                     and i.issue_date <= ?
                    offset 0) i
                where c.insolvency_reported_on is not null
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

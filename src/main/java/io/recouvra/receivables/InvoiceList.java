package io.recouvra.receivables;

import io.recouvra.receivables.LedgerViews.InvoiceView;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.PageView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statements of the API's invoice list (GET /api/v1/invoices), in the order the list shows (due date, then
 * number), each served by an index of V51 whatever the filter: a page read from where the previous one ended
 * ({@code after}) costs the same at the millionth invoice as at the first; the count stops at
 * {@link PageView#COUNT_CAP} + 1 rows. {@code InvoiceListPlanTest} explains these very statements.
 */
@Component
class InvoiceList {

    private final JdbcTemplate jdbc;
    private final InvoiceRepository invoices;

    InvoiceList(JdbcTemplate jdbc, InvoiceRepository invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    /**
     * A page of the list: after the invoice the cursor {@code after} names when given, else page {@code page}; with
     * the cursor of the next page whenever there is one, so a client paging by number can go on with {@code after}.
     */
    @Transactional(readOnly = true)
    PageView<InvoiceView> page(InvoiceStatus status, UUID customerId, String after, int page, int size) {
        ListCursor.InvoiceKey key = after == null ? null : ListCursor.invoiceKey(after);
        if (key != null && page > 0) {
            throw new InvalidInputException("page", "is not taken with `after`: the cursor says where the page starts");
        }
        Statement ids = pageStatement(status, customerId, key, (long) page * size, size + 1);
        List<Row> found = jdbc.query(ids.sql(), (rs, n) -> new Row(rs.getObject(1, UUID.class),
                new ListCursor.InvoiceKey(rs.getObject(2, LocalDate.class), rs.getString(3))), ids.args());
        boolean hasNext = found.size() > size;
        List<Row> shown = hasNext ? found.subList(0, size) : found;
        Map<UUID, Integer> order = new HashMap<>();
        shown.forEach(row -> order.put(row.id(), order.size()));
        List<Invoice> rows = new ArrayList<>(shown.isEmpty() ? List.of() : invoices.findWithCustomerByIdIn(order.keySet()));
        // an invoice deleted between the two statements is left out rather than shown empty
        rows.sort(Comparator.comparing(invoice -> order.get(invoice.getId())));
        Statement count = countStatement(status, customerId);
        Long counted = jdbc.queryForObject(count.sql(), Long.class, count.args());
        String next = hasNext ? ListCursor.of(shown.get(shown.size() - 1).key()) : null;
        return PageView.capped(rows.stream().map(InvoiceView::of).toList(), page, size, counted == null ? 0 : counted,
                hasNext, next);
    }

    private record Row(UUID id, ListCursor.InvoiceKey key) {
    }

    /** A statement and its arguments, in the order of its parameters. */
    record Statement(String sql, Object[] args) {
    }

    /**
     * The ids and sort keys of a page's invoices: {@code limit} rows after {@code after} (when given) or after {@code offset} rows
     * (the older paging by page number: deep pages still skip rows; {@code after} is the way to walk a big ledger).
     */
    static Statement pageStatement(InvoiceStatus status, UUID customerId, ListCursor.InvoiceKey after, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select id, due_date, number from ")
                .append(rows("id, due_date, number", status, customerId, after, offset + limit, args))
                .append(" order by due_date, number limit ?");
        args.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            args.add(offset);
        }
        return new Statement(sql.toString(), args.toArray());
    }

    /**
     * How many invoices the filter matches, counting {@link PageView#COUNT_CAP} + 1 at most: in the list's order, so
     * that the count walks the page's index and stops at the cap (a Seq Scan with a limit looks as cheap to the
     * planner, but reads every row before the first match where old paid invoices fill the table's start and the
     * filter asks for open ones).
     */
    static Statement countStatement(InvoiceStatus status, UUID customerId) {
        List<Object> args = new ArrayList<>();
        String rows = rows("1", status, customerId, null, PageView.COUNT_CAP + 1, args);
        String sql = "select count(*) from (select 1 from " + rows + " limit ?) capped";
        args.add(PageView.COUNT_CAP + 1);
        return new Statement(sql, args.toArray());
    }

    /**
     * The first {@code first} invoices of the filter after the cursor, in the list's order, as a subquery of
     * {@code columns}. Without a filter, the first of each status (each from the (status, due_date, number) index)
     * put together: with an index of its own on (due_date, number), the planner read a status's first page from
     * that one, filtering out the 790,000 paid invoices before the first open one (it takes the rows of a status
     * as spread evenly), 400 ms where the status index takes 1; and that index would be one more written on every
     * registration. (PostgreSQL 16 did not merge the statuses' scans in order by itself: it sorted them all.)
     */
    private static String rows(String columns, InvoiceStatus status, UUID customerId, ListCursor.InvoiceKey after,
                               long first, List<Object> args) {
        if (status == null && customerId == null) {
            List<String> branches = new ArrayList<>();
            for (InvoiceStatus each : InvoiceStatus.values()) {
                // the enum's names, as V3's ck_invoice_status lists them: no invoice is left out
                branches.add("(select " + columns + " from recouvra.invoice where status = '" + each.name() + "'"
                        + cursor(after, args) + " order by due_date, number limit ?)");
                args.add(first);
            }
            return "(" + String.join(" union all ", branches) + ") every_status";
        }
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            args.add(status.name());
        }
        if (customerId != null) {
            conditions.add("customer_id = ?");
            args.add(customerId);
        }
        String sql = "(select " + columns + " from recouvra.invoice where " + String.join(" and ", conditions)
                + cursor(after, args) + " order by due_date, number limit ?) filtered";
        args.add(first);
        return sql;
    }

    /** A row comparison: the index's condition, not a filter over the rows before the cursor. */
    private static String cursor(ListCursor.InvoiceKey after, List<Object> args) {
        if (after == null) {
            return "";
        }
        args.add(java.sql.Date.valueOf(after.dueDate()));
        args.add(after.number());
        return " and (due_date, number) > (?::date, ?::varchar)";
    }
}

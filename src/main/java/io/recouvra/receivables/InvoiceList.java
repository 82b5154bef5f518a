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
        StringBuilder sql = new StringBuilder("select id, due_date, number from recouvra.invoice").append(where(status, customerId, args));
        if (after != null) {
            sql.append(args.isEmpty() ? " where " : " and ");
            // a row comparison: the index's condition, not a filter over the rows before it
            sql.append("(due_date, number) > (?::date, ?::varchar)");
            args.add(java.sql.Date.valueOf(after.dueDate()));
            args.add(after.number());
        }
        sql.append(" order by due_date, number limit ?");
        args.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            args.add(offset);
        }
        return new Statement(sql.toString(), args.toArray());
    }

    /** How many invoices the filter matches, counting {@link PageView#COUNT_CAP} + 1 at most. */
    static Statement countStatement(InvoiceStatus status, UUID customerId) {
        List<Object> args = new ArrayList<>();
        // in the list's order, so that the count walks the page's index and stops at the cap: a Seq Scan with a
        // limit looks as cheap to the planner, but reads every row before the first match where old invoices (paid,
        // written first) fill the table's start and the filter asks for open ones
        String sql = "select count(*) from (select 1 from recouvra.invoice" + where(status, customerId, args)
                + " order by due_date, number limit ?) capped";
        args.add(PageView.COUNT_CAP + 1);
        return new Statement(sql, args.toArray());
    }

    private static String where(InvoiceStatus status, UUID customerId, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            args.add(status.name());
        }
        if (customerId != null) {
            conditions.add("customer_id = ?");
            args.add(customerId);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}

package io.recouvra.receivables;

import io.recouvra.receivables.LedgerViews.CustomerView;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.PageView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The statements of the API's customer list (GET /api/v1/customers), by legal name then id like the invoice list
 * ({@link InvoiceList}): read from V51's index on (legal_name, id) after the {@code after} cursor, counted up to
 * {@link PageView#COUNT_CAP} + 1. A name filter ("contains", any case) cannot use that index's order to find its
 * rows: it reads the index in order and keeps the names that match, which a ledger's customers (tens of thousands,
 * not millions) afford.
 */
@Component
class CustomerList {

    private final JdbcTemplate jdbc;
    private final CustomerRepository customers;

    CustomerList(JdbcTemplate jdbc, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    private record Row(UUID id, ListCursor.CustomerKey key) {
    }

    @Transactional(readOnly = true)
    PageView<CustomerView> page(String name, String after, int page, int size) {
        ListCursor.CustomerKey key = after == null ? null : ListCursor.customerKey(after);
        if (key != null && page > 0) {
            throw new InvalidInputException("page", "is not taken with `after`: the cursor says where the page starts");
        }
        String contains = StringUtils.hasText(name) ? name.trim() : null;
        InvoiceList.Statement ids = pageStatement(contains, key, (long) page * size, size + 1);
        List<Row> found = jdbc.query(ids.sql(), (rs, n) -> new Row(rs.getObject(1, UUID.class),
                new ListCursor.CustomerKey(rs.getString(2), rs.getObject(1, UUID.class))), ids.args());
        boolean hasNext = found.size() > size;
        List<Row> shown = hasNext ? found.subList(0, size) : found;
        Map<UUID, Integer> order = new HashMap<>();
        shown.forEach(row -> order.put(row.id(), order.size()));
        List<Customer> rows = new ArrayList<>(shown.isEmpty() ? List.of() : customers.findAllById(order.keySet()));
        rows.sort(Comparator.comparing(customer -> order.get(customer.getId())));
        InvoiceList.Statement count = countStatement(contains);
        Long counted = jdbc.queryForObject(count.sql(), Long.class, count.args());
        String next = hasNext ? ListCursor.of(shown.get(shown.size() - 1).key()) : null;
        return PageView.capped(rows.stream().map(CustomerView::summary).toList(), page, size, counted == null ? 0 : counted,
                hasNext, next);
    }

    static InvoiceList.Statement pageStatement(String contains, ListCursor.CustomerKey after, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select id, legal_name from recouvra.customer").append(where(contains, args));
        if (after != null) {
            sql.append(args.isEmpty() ? " where " : " and ");
            sql.append("(legal_name, id) > (?::varchar, ?::uuid)");
            args.add(after.legalName());
            args.add(after.id());
        }
        sql.append(" order by legal_name, id limit ?");
        args.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            args.add(offset);
        }
        return new InvoiceList.Statement(sql.toString(), args.toArray());
    }

    static InvoiceList.Statement countStatement(String contains) {
        List<Object> args = new ArrayList<>();
        // in the list's order, by its index, like the invoice list's count
        String sql = "select count(*) from (select 1 from recouvra.customer" + where(contains, args)
                + " order by legal_name, id limit ?) capped";
        args.add(PageView.COUNT_CAP + 1);
        return new InvoiceList.Statement(sql, args.toArray());
    }

    /** Names containing the text, in any case, as the list filtered before (Spring Data's ContainingIgnoreCase). */
    private static String where(String contains, List<Object> args) {
        if (contains == null) {
            return "";
        }
        args.add("%" + contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return " where upper(legal_name) like upper(?) escape '\\'";
    }
}

package io.recouvra.receivables;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices still owed, read in bulk for reports over the whole book (provisions, the insurer's part): one
 * set-based query returning a read model, never an entity per invoice.
 */
@Component
public class OpenInvoices {

    /**
     * An invoice that is not settled, with what reports need of its customer: the day its insolvency proceedings were
     * opened ({@code customerInsolventSince}, null if never) and the day it came out of them back in bonis
     * ({@code customerInsolvencyEndedOn}, null while they run or if it never did).
     */
    public record OpenInvoice(UUID id, String number, InvoiceKind kind, InvoiceStatus status, UUID customerId,
                              String customerName, LocalDate customerInsolventSince, LocalDate customerInsolvencyEndedOn,
                              LocalDate issueDate, LocalDate bornOn, LocalDate dueDate,
                              String currency, BigDecimal amount, BigDecimal vat, boolean vatDerived, BigDecimal outstanding) {

        /** {@link Invoice#isFrozenByInsolvency()}: born before its customer's opening judgment, frozen for ever. */
        public boolean frozenByInsolvency() {
            return customerInsolventSince != null && bornOn.isBefore(customerInsolventSince);
        }

        /**
         * Whether, on {@code day}, the invoice is an insolvency claim: the customer was in proceedings that day, or the
         * invoice was frozen by proceedings opened by then, even if the customer has since come out of them.
         */
        public boolean insolvencyOn(LocalDate day) {
            if (customerInsolventSince == null || customerInsolventSince.isAfter(day)) {
                return false;
            }
            return frozenByInsolvency() || customerInsolvencyEndedOn == null || customerInsolvencyEndedOn.isAfter(day);
        }
    }

    private static final String SELECT = """
            select i.id, i.number, i.kind, i.status, i.customer_id, c.legal_name, c.insolvency_reported_on, c.insolvency_ended_on,
                   i.issue_date, coalesce(i.delivered_on, i.issue_date) as born_on, i.due_date,
                   i.currency, i.amount, i.vat, i.vat_derived, i.outstanding
            from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
            where i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')""";

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    OpenInvoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The invoices of a kind issued by {@code day} that still owe something, only the given customers' if any are
     * given, handed to {@code each} one at a time as the database's cursor reads them (a thousand rows a fetch): a
     * report over a million invoices never holds them all. By customer name, due date and number, compared as Java
     * compares strings ({@code collate "C"}: by code point, whatever the database's collation).
     */
    @Transactional(readOnly = true)
    public void owedOn(LocalDate day, InvoiceKind kind, Collection<UUID> customers, Consumer<OpenInvoice> each) {
        List<Object> parameters = new ArrayList<>(List.of(kind.name(), day));
        String ofCustomers = "";
        if (!customers.isEmpty()) {
            ofCustomers = " and i.customer_id = any (?)";
            parameters.add(customers.toArray(UUID[]::new));
        }
        String sql = SELECT + " and i.kind = ? and i.outstanding > 0 and i.issue_date <= ?" + ofCustomers
                + " order by c.legal_name collate \"C\", i.due_date, i.number collate \"C\"";
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            // PostgreSQL's driver reads by cursor only with a fetch size, inside a transaction
            statement.setFetchSize(FETCH_SIZE);
            new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(row(rs, 0)));
    }

    /** What is still owed on the invoices of one currency falling due on one day. */
    public record OwedOnDueDate(String currency, LocalDate dueDate, BigDecimal outstanding) {
    }

    /**
     * What the invoices of a kind issued by {@code day} still owe, summed by currency and due date (the rows are as many
     * as the due dates, not the invoices); only the given customers' if any are given. The whole book's sales invoices
     * are read from the sums kept by due and issue date ({@link OwedSalesByDay}); otherwise one grouped query over
     * the invoices.
     */
    @Transactional(readOnly = true)
    public List<OwedOnDueDate> owedByDueDate(LocalDate day, InvoiceKind kind, Collection<UUID> customers) {
        if (kind == InvoiceKind.INVOICE && customers.isEmpty()) {
            return jdbc.query("select currency, due_date, sum(owed) from (" + OwedSalesByDay.BY_DUE_DAY + """
                            ) owed where issue_date <= ? group by currency, due_date having sum(owed) <> 0
                            order by currency, due_date""",
                    (rs, n) -> new OwedOnDueDate(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)), day);
        }
        List<Object> parameters = new ArrayList<>(List.of(kind.name(), day));
        String ofCustomers = "";
        if (!customers.isEmpty()) {
            ofCustomers = " and i.customer_id = any (?)";
            parameters.add(customers.toArray(UUID[]::new));
        }
        return jdbc.query("""
                select i.currency, i.due_date, sum(i.outstanding) from recouvra.invoice i
                where i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.kind = ? and i.outstanding > 0
                and i.issue_date <= ?""" + ofCustomers + " group by i.currency, i.due_date order by i.currency, i.due_date",
                (rs, n) -> new OwedOnDueDate(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)),
                parameters.toArray());
    }

    /** Those of these invoices that are not settled, by customer, due date and number. */
    @Transactional(readOnly = true)
    public List<OpenInvoice> among(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " and i.id = any (?) order by i.customer_id, i.due_date, i.number", OpenInvoices::row,
                (Object) invoiceIds.toArray(UUID[]::new));
    }

    private static OpenInvoice row(ResultSet rs, int n) throws SQLException {
        return new OpenInvoice(rs.getObject("id", UUID.class), rs.getString("number"), InvoiceKind.valueOf(rs.getString("kind")),
                InvoiceStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class), rs.getString("legal_name"),
                rs.getObject("insolvency_reported_on", LocalDate.class), rs.getObject("insolvency_ended_on", LocalDate.class),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("born_on", LocalDate.class), rs.getObject("due_date", LocalDate.class), rs.getString("currency"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("vat"), rs.getBoolean("vat_derived"), rs.getBigDecimal("outstanding"));
    }
}

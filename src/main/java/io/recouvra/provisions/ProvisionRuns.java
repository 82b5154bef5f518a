package io.recouvra.provisions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Closed months: the run's header and its lines, as they were when the month was closed. */
@Repository
class ProvisionRuns {

    record Run(YearMonth month, LocalDate asOf, int ratesVersion, Instant closedAt, String closedBy) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    ProvisionRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Run> find(YearMonth month) {
        return jdbc.query("select * from recouvra.provision_run where month = ?", ProvisionRuns::run, month.toString())
                .stream().findFirst();
    }

    Optional<Run> latest() {
        return jdbc.query("select * from recouvra.provision_run order by month desc limit 1", ProvisionRuns::run)
                .stream().findFirst();
    }

    Optional<Run> latestBefore(YearMonth month) {
        return jdbc.query("select * from recouvra.provision_run where month < ? order by month desc limit 1", ProvisionRuns::run,
                month.toString()).stream().findFirst();
    }

    /**
     * The closed month's lines, one at a time as the cursor reads them (a thousand a fetch), in the report's order:
     * customer name, due date and number, compared as Java compares strings.
     */
    void lines(YearMonth month, Collection<UUID> customers, Consumer<ProvisionLine> each) {
        List<Object> parameters = new ArrayList<>(List.of(month.toString()));
        String sql = "select * from recouvra.provision_line where month = ?" + ofCustomers(customers, parameters)
                + " order by customer_name collate \"C\", due_date, invoice_number collate \"C\"";
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            // PostgreSQL's driver reads by cursor only with a fetch size, inside a transaction
            statement.setFetchSize(BATCH);
            new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(line(rs, 0)));
    }

    /** Each invoice's provision in the month, read by cursor in the invoices' order, held compactly. */
    PreviousProvisions provisions(YearMonth month, Collection<UUID> customers) {
        List<Object> parameters = new ArrayList<>(List.of(month.toString()));
        String sql = "select invoice_id, currency, provision from recouvra.provision_line where month = ?"
                + ofCustomers(customers, parameters) + " order by invoice_id";
        PreviousProvisions.Builder provisions = new PreviousProvisions.Builder();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(BATCH);
            new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> provisions.add(rs.getObject("invoice_id", UUID.class), rs.getString("currency"),
                rs.getBigDecimal("provision")));
        return provisions.build();
    }

    /**
     * Stores the run and the lines {@code lines} hands over, a thousand to a batch as they come: closing a book of a
     * million invoices never holds its lines.
     */
    void store(Run run, Consumer<Consumer<ProvisionLine>> lines) {
        jdbc.update("insert into recouvra.provision_run (month, as_of, rates_version, closed_at, closed_by) values (?, ?, ?, ?, ?)",
                run.month().toString(), run.asOf(), run.ratesVersion(), Timestamp.from(run.closedAt()), run.closedBy());
        List<ProvisionLine> batch = new ArrayList<>(BATCH);
        lines.accept(line -> {
            batch.add(line);
            if (batch.size() == BATCH) {
                insert(run, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            insert(run, batch);
        }
    }

    private void insert(Run run, List<ProvisionLine> lines) {
        jdbc.batchUpdate("""
                insert into recouvra.provision_line (month, invoice_id, invoice_number, customer_id, customer_name, due_date,
                    days_overdue, situation, bucket, currency, outstanding, vat, insured, base, rate, provision, vat_derived)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, BATCH, (ps, line) -> {
            ps.setString(1, run.month().toString());
            ps.setObject(2, line.invoiceId());
            ps.setString(3, line.invoiceNumber());
            ps.setObject(4, line.customerId());
            ps.setString(5, line.customerName());
            ps.setObject(6, line.dueDate());
            ps.setInt(7, line.daysOverdue());
            ps.setString(8, line.situation().name());
            ps.setString(9, line.bucket());
            ps.setString(10, line.currency());
            ps.setBigDecimal(11, line.outstanding());
            ps.setBigDecimal(12, line.vat());
            ps.setBigDecimal(13, line.insured());
            ps.setBigDecimal(14, line.base());
            ps.setBigDecimal(15, line.rate());
            ps.setBigDecimal(16, line.provision());
            ps.setBoolean(17, line.vatDerived());
        });
    }

    private static String ofCustomers(Collection<UUID> customers, List<Object> parameters) {
        if (customers.isEmpty()) {
            return "";
        }
        parameters.addAll(customers);
        return " and customer_id in (" + String.join(", ", customers.stream().map(c -> "?").toList()) + ")";
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(YearMonth.parse(rs.getString("month")), rs.getObject("as_of", LocalDate.class), rs.getInt("rates_version"),
                rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"));
    }

    private static ProvisionLine line(ResultSet rs, int n) throws SQLException {
        return new ProvisionLine(rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"), rs.getObject("due_date", LocalDate.class),
                rs.getInt("days_overdue"), Situation.valueOf(rs.getString("situation")), rs.getString("bucket"),
                rs.getString("currency"), rs.getBigDecimal("outstanding"), rs.getBigDecimal("vat"), rs.getBoolean("vat_derived"), rs.getBigDecimal("insured"),
                rs.getBigDecimal("base"), rs.getBigDecimal("rate"), rs.getBigDecimal("provision"), null, null);
    }
}

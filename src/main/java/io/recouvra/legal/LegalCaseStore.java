package io.recouvra.legal;

import io.recouvra.legal.LegalCase.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The legal_case and legal_document rows. */
@Repository
class LegalCaseStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LegalCaseStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID open(UUID invoiceId, String invoiceNumber, UUID customerId, String currency) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.legal_case (id, invoice_id, invoice_number, customer_id, stage, currency, opened_at)
                values (?, ?, ?, ?, 'PREPARING', ?, ?)""", id, invoiceId, invoiceNumber, customerId, currency,
                java.sql.Timestamp.from(clock.instant()));
        return id;
    }

    LegalCase get(UUID id) {
        return jdbc.query("select * from recouvra.legal_case where id = ?", this::row, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no legal case " + id));
    }

    /** The invoice's open case, or else its latest. */
    Optional<LegalCase> latestOf(String invoiceNumber) {
        return jdbc.query("""
                select * from recouvra.legal_case where invoice_number = ?
                order by (outcome is null) desc, opened_at desc limit 1""", this::row, invoiceNumber).stream().findFirst();
    }

    Optional<LegalCase> openOf(String invoiceNumber) {
        return jdbc.query("select * from recouvra.legal_case where invoice_number = ? and outcome is null", this::row,
                invoiceNumber).stream().findFirst();
    }

    /** Sets the given columns (in order) and, unless null, the stage. */
    void update(UUID id, Stage stage, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>(columns);
        if (stage != null) {
            values.put("stage", stage.name());
        }
        String set = values.keySet().stream().map(column -> column + " = ?").collect(Collectors.joining(", "));
        Object[] arguments = new Object[values.size() + 1];
        int i = 0;
        for (Object value : values.values()) {
            arguments[i++] = value;
        }
        arguments[i] = id;
        jdbc.update("update recouvra.legal_case set " + set + " where id = ?", arguments);
    }

    void end(UUID id, String outcome, String reason) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("outcome", outcome);
        columns.put("outcome_reason", reason);
        columns.put("closed_at", java.sql.Timestamp.from(clock.instant()));
        update(id, Stage.ENDED, columns);
    }

    void keepRequest(UUID caseId, byte[] pdf, String sha256) {
        jdbc.update("insert into recouvra.legal_document (id, case_id, kind, content, sha256, created_at) values (?, ?, 'REQUEST', ?, ?, ?)",
                UUID.randomUUID(), caseId, pdf, sha256, java.sql.Timestamp.from(clock.instant()));
    }

    Optional<byte[]> latestRequest(UUID caseId) {
        return jdbc.query("""
                select content from recouvra.legal_document where case_id = ? and kind = 'REQUEST'
                order by created_at desc limit 1""", (rs, n) -> rs.getBytes(1), caseId).stream().findFirst();
    }

    private LegalCase row(ResultSet rs, int n) throws SQLException {
        return new LegalCase(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getString("invoice_number"), rs.getObject("customer_id", UUID.class), Stage.valueOf(rs.getString("stage")),
                rs.getString("court_name"), rs.getString("currency"), rs.getBigDecimal("principal"), rs.getBigDecimal("interest"),
                rs.getBigDecimal("indemnity"), rs.getBigDecimal("other_costs"), rs.getBigDecimal("total_claimed"),
                date(rs, "interest_as_of"), rs.getString("sent_back_reason"), date(rs, "filed_on"),
                rs.getString("court_reference"), rs.getString("decision"), date(rs, "order_date"),
                rs.getBigDecimal("amount_granted"), date(rs, "served_on"), rs.getString("commissaire_de_justice"),
                date(rs, "opposition_filed_on"), date(rs, "opposition_window_ends"), date(rs, "hearing_date"),
                date(rs, "formula_affixed_on"), date(rs, "enforcement_instructed_on"), rs.getString("enforcement_outcome"),
                rs.getBigDecimal("amount_recovered"), rs.getString("outcome"), rs.getString("outcome_reason"),
                rs.getString("service_mode") == null ? null : LegalCase.ServiceMode.valueOf(rs.getString("service_mode")),
                date(rs, "personal_notice_on"), date(rs, "assets_unavailable_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}

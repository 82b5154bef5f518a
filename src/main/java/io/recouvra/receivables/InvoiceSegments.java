package io.recouvra.receivables;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The segments collection assessed an invoice with, kept beside the invoice (table {@code invoice_segment}, V42) for the dashboard's figures by segment
 * ({@link LedgerReports.Segment}): the risk class the assessment used and the name of the dunning strategy chosen.
 */
@Component
public class InvoiceSegments {

    private final JdbcTemplate jdbc;

    InvoiceSegments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Assessed again (a case resumed, a new model version), the last assessment stays. */
    @Transactional
    public void recordAssessment(UUID invoiceId, String riskClass, String strategy) {
        jdbc.update("""
                insert into recouvra.invoice_segment (invoice_id, risk_class, strategy) values (?, ?, ?)
                on conflict (invoice_id) do update set risk_class = excluded.risk_class, strategy = excluded.strategy""",
                invoiceId, riskClass, strategy);
    }
}

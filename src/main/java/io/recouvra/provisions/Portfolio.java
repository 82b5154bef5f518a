package io.recouvra.provisions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The receivables a provision can be made on, read in one set-based query: invoices issued by the report
 * date and still owed. Late-charges debit notes are left out: interest and the recovery indemnity are
 * booked as income only when collected (prudence), so there is nothing to provision on them.
 */
@Repository
class Portfolio {

    /**
     * An unpaid invoice, its own amount including VAT and VAT, and its situation (the strongest that applies,
     * see {@link Situation}).
     */
    record Receivable(UUID invoiceId, String invoiceNumber, UUID customerId, String customerName, LocalDate dueDate,
                      String currency, BigDecimal amount, BigDecimal vat, boolean vatDerived, BigDecimal outstanding,
                      Situation situation) {

        /** The invoice's VAT in proportion to a part of its amount, half up to the cent (as Invoice.vatIn). */
        BigDecimal vatIn(BigDecimal partInclVat) {
            return partInclVat.multiply(vat).divide(amount, partInclVat.scale(), RoundingMode.HALF_UP);
        }
    }

    private final JdbcTemplate jdbc;

    Portfolio(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** On {@code day}; only the given customers' invoices if any are given. */
    List<Receivable> on(LocalDate day, Collection<UUID> customers) {
        List<Object> parameters = new ArrayList<>(List.of(day, day));
        String ofCustomers = "";
        if (!customers.isEmpty()) {
            ofCustomers = " and i.customer_id in (" + String.join(", ", customers.stream().map(c -> "?").toList()) + ")";
            parameters.addAll(customers);
        }
        return jdbc.query("""
                select i.id, i.number, i.customer_id, c.legal_name, i.due_date, i.currency, i.amount, i.vat, i.vat_derived, i.outstanding,
                       case when c.insolvency_reported_on <= ? then 'INSOLVENT'
                            when i.status = 'IN_COURT' then 'IN_COURT'
                            when i.status = 'WITH_AGENCY' then 'WITH_AGENCY'
                            when i.status = 'DISPUTED'
                                 or exists (select 1 from recouvra.dispute d where d.invoice_id = i.id and d.resolved_at is null)
                                 then 'DISPUTED'
                            else 'NORMAL' end as situation
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where i.kind = 'INVOICE' and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.outstanding > 0
                  and i.issue_date <= ?""" + ofCustomers + """

                order by c.legal_name, i.due_date, i.number""", Portfolio::receivable, parameters.toArray());
    }

    private static Receivable receivable(ResultSet rs, int n) throws SQLException {
        return new Receivable(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("legal_name"), rs.getObject("due_date", LocalDate.class), rs.getString("currency"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("vat"), rs.getBoolean("vat_derived"), rs.getBigDecimal("outstanding"), Situation.valueOf(rs.getString("situation")));
    }
}

package io.recouvra.collection;

import io.recouvra.interest.ChargedLatePayments;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The late-payment charges of payment plans whose debit note is booked: a line counts for later claims from then on. */
@Component
class BookedPlanCharges implements ChargedLatePayments {

    private final JdbcTemplate jdbc;

    BookedPlanCharges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Charged> of(Collection<String> invoiceNumbers) {
        Map<String, Charged> charged = new HashMap<>();
        jdbc.query("""
                select invoice_number, max(interest_until), bool_or(indemnity > 0) from recouvra.late_payment_charge
                where debit_note_number is not null and invoice_number = any (?) group by invoice_number""",
                (RowCallbackHandler) rs -> charged.put(rs.getString(1), new Charged(rs.getObject(2, LocalDate.class), rs.getBoolean(3))),
                (Object) invoiceNumbers.toArray(String[]::new));
        return charged;
    }
}

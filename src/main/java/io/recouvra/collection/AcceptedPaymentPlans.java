package io.recouvra.collection;

import io.recouvra.legal.PaymentPlanAcceptances;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells legal's prescription when the debtor accepted plans covering an invoice. */
@Component
class AcceptedPaymentPlans implements PaymentPlanAcceptances {

    private final JdbcTemplate jdbc;

    AcceptedPaymentPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Instant> acceptedFor(String invoiceNumber) {
        return jdbc.queryForList("""
                select pp.accepted_at from recouvra.payment_plan pp join recouvra.payment_plan_invoice ppi on ppi.plan_id = pp.id
                where ppi.invoice_number = ? and pp.accepted_at is not null""", Timestamp.class, invoiceNumber)
                .stream().map(Timestamp::toInstant).toList();
    }
}

package io.recouvra.collection;

import io.recouvra.scoring.PromiseRecord;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells scoring how the customer kept its promises to pay. */
@Component
class PromisesForScoring implements PromiseRecord {

    private final JdbcTemplate jdbc;

    PromisesForScoring(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Promises dueSince(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("""
                select count(*), count(*) filter (where status = 'BROKEN') from recouvra.promise_to_pay
                where customer_id = ? and promised_date >= ?""",
                (rs, n) -> new Promises(rs.getLong(1), rs.getLong(2)), customerId, Date.valueOf(since));
    }
}

package io.recouvra.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay made on a call: kept when the money comes, broken when the promised day passes without it. */
@Service
public class PromisesToPay {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PromisesToPay(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    UUID record(UUID customerId, UUID callId, LocalDate promisedDate, BigDecimal amount, String currency) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, call_id, promised_date, amount, currency, status, made_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""", id, customerId, callId, promisedDate, amount, currency,
                Timestamp.from(clock.instant()));
        return id;
    }

    /** Marks the promise broken; true only for the first invoice of the promise to find it broken. */
    @Transactional
    boolean breakPromise(UUID promiseId) {
        return jdbc.update("update recouvra.promise_to_pay set status = 'BROKEN', broken_at = ? where id = ? and status = 'OPEN'",
                Timestamp.from(clock.instant()), promiseId) == 1;
    }

    /** Promises the customer broke since the day given: an input of the dunning strategy and of the score. */
    @Transactional(readOnly = true)
    public int countBroken(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("""
                select count(*) from recouvra.promise_to_pay
                where customer_id = ? and status = 'BROKEN' and promised_date >= ?""", Integer.class, customerId, since);
    }
}

package io.recouvra.collection;

import io.recouvra.receivables.CustomerLedger;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay made on a call: kept when the money came, broken when the promised day passed without it. */
@Service
public class PromisesToPay {

    private final JdbcTemplate jdbc;
    private final CustomerLedger ledger;
    private final Clock clock;

    PromisesToPay(JdbcTemplate jdbc, CustomerLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A promise made on a call (callId) or on the portal (callId null), about these invoices. */
    @Transactional
    UUID record(UUID customerId, UUID callId, List<String> invoiceNumbers, LocalDate promisedDate, BigDecimal amount,
                String currency) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, call_id, promised_date, amount, currency, status, made_at, made_via)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""", id, customerId, callId, promisedDate, amount, currency,
                Timestamp.from(clock.instant()), callId == null ? "PORTAL" : "CALL");
        for (String number : invoiceNumbers) {
            jdbc.update("insert into recouvra.promise_to_pay_invoice (promise_id, invoice_number) values (?, ?)", id, number);
        }
        return id;
    }

    /** A promise not checked yet, with the invoices it is about. */
    public record OpenPromise(UUID id, LocalDate promisedDate, BigDecimal amount, String currency, List<String> invoiceNumbers) {
    }

    /**
     * The customer's promises not checked yet, latest date first. A promise stays open until its check, after the
     * promised date and grace; one whose invoices were all paid before is never checked, so callers look at whether
     * its invoices are still open.
     */
    @Transactional(readOnly = true)
    public List<OpenPromise> openOf(UUID customerId) {
        return jdbc.query("""
                select id, promised_date, amount, currency from recouvra.promise_to_pay
                where customer_id = ? and status = 'OPEN' order by promised_date desc""", (rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new OpenPromise(id, rs.getObject("promised_date", LocalDate.class), rs.getBigDecimal("amount"),
                    rs.getString("currency"), jdbc.queryForList(
                            "select invoice_number from recouvra.promise_to_pay_invoice where promise_id = ? order by invoice_number",
                            String.class, id));
        }, customerId);
    }

    /**
     * Marks the promise kept if the customer's payments valued since it was made reach the promised
     * amount; true when it is (or already was) kept.
     */
    @Transactional
    boolean keptIfPaid(UUID promiseId) {
        MadeBy promise = jdbc.queryForObject("select customer_id, currency, made_at from recouvra.promise_to_pay where id = ?",
                (rs, n) -> new MadeBy(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()), promiseId);
        // payments valued from the day it was made (a UTC day, as it always was) count
        BigDecimal paid = ledger.paidSince(promise.customerId(), promise.currency(),
                LocalDate.ofInstant(promise.madeAt(), ZoneOffset.UTC));
        jdbc.update("update recouvra.promise_to_pay set status = 'KEPT' where id = ? and status = 'OPEN' and amount <= ?",
                promiseId, paid);
        return "KEPT".equals(jdbc.queryForObject("select status from recouvra.promise_to_pay where id = ?", String.class,
                promiseId));
    }

    private record MadeBy(UUID customerId, String currency, Instant madeAt) {
    }

    /** Marks the promise broken; true only for the first invoice of the promise to find it broken. */
    @Transactional
    boolean breakPromise(UUID promiseId) {
        return jdbc.update("update recouvra.promise_to_pay set status = 'BROKEN', broken_at = ? where id = ? and status = 'OPEN'",
                Timestamp.from(clock.instant()), promiseId) == 1;
    }

    record Promise(Instant madeAt, LocalDate promisedDate, BigDecimal amount, String currency, String status) {
    }

    /** The customer's latest promises, newest first, whatever became of them. */
    @Transactional(readOnly = true)
    List<Promise> latest(UUID customerId, int count) {
        return jdbc.query("""
                select made_at, promised_date, amount, currency, status from recouvra.promise_to_pay
                where customer_id = ? order by made_at desc limit ?""", (rs, n) -> new Promise(
                rs.getTimestamp("made_at").toInstant(), rs.getObject("promised_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status")), customerId, count);
    }

    /** Promises the customer broke since the day given: an input of the dunning strategy and of the score. */
    @Transactional(readOnly = true)
    public int countBroken(UUID customerId, LocalDate since) {
        return jdbc.queryForObject("""
                select count(*) from recouvra.promise_to_pay
                where customer_id = ? and status = 'BROKEN' and promised_date >= ?""", Integer.class, customerId, since);
    }
}

package io.recouvra.database;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Per-customer locks held until the transaction ends (PostgreSQL advisory locks): two transactions that
 * must not both decide "nothing runs for this customer, start one" take the same lock first. Each use
 * has its own space, listed here so that two never share one by accident.
 */
@Component
public class CustomerLocks {

    public enum Space {
        CREDIT_REVIEW(4711), COLLECTOR_CALL(4712);

        private final int key;

        Space(int key) {
            this.key = key;
        }
    }

    private final JdbcTemplate jdbc;

    CustomerLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for and takes the customer's lock in that space, until the current transaction ends. */
    public void lock(Space space, UUID customerId) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", (RowCallbackHandler) row -> { }, space.key,
                customerId.toString());
    }
}

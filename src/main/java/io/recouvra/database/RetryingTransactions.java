package io.recouvra.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a transaction of its own and runs it again, from the start, when it lost a
 * race with another transaction: a PostgreSQL deadlock (40P01) or serialization failure (40001), a lock
 * PostgreSQL gave up waiting for, a ledger row or an engine execution changed by someone else in the
 * meantime (JPA or Camunda optimistic locking). Each attempt is a whole transaction rolled back before
 * the next, so a retried payment is booked once and what the attempt told the engine (which shares the
 * application's transaction) is gone with it.
 *
 * <p>Called inside a transaction that is already running, the work simply joins it and is not retried:
 * only the owner of a transaction can run it again.
 */
@Component
public class RetryingTransactions {

    /** Attempts in all, the first included. */
    public static final int MAX_ATTEMPTS = 5;
    /** The pause before the second attempt; doubled before each further one, with up to half of it added at random. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(20);

    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03"); // lock_not_available

    private final TransactionTemplate transaction;

    RetryingTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The work's result once a transaction running it committed. A transient conflict on every attempt
     * ends in a {@link ConcurrencyFailureException} (answered 409 "Concurrent update"); any other failure
     * is thrown as it is, at once.
     */
    public <T> T execute(String what, Supplier<T> work) {
        return execute(what, status -> work.get());
    }

    /** As {@link #execute(String, Supplier)}, for work that may itself mark its transaction rollback-only. */
    public <T> T execute(String what, TransactionCallback<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(work);
            } catch (RuntimeException e) {
                if (!isTransientConflict(e)) {
                    throw e;
                }
                if (attempt == MAX_ATTEMPTS) {
                    log.warn("{}: still conflicting with other transactions after {} attempts, given up", what, attempt, e);
                    throw new ConcurrencyFailureException(what + ": conflicting with other transactions after "
                            + attempt + " attempts", e);
                }
                log.info("{}: attempt {} lost a race with another transaction ({}), running it again", what, attempt,
                        describe(e));
                pause(attempt);
            }
        }
    }

    public void run(String what, Runnable work) {
        execute(what, () -> {
            work.run();
            return null;
        });
    }

    /** A failure that running the same transaction again may not meet: it came from another transaction's timing. */
    public static boolean isTransientConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException
                    || cause instanceof OptimisticLockingException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof StaleStateException) {
                return true;
            }
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && TRANSIENT_SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long base = FIRST_BACKOFF.toMillis() << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyFailureException("interrupted while waiting to run the transaction again", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

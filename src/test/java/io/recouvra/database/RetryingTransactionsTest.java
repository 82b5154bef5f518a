package io.recouvra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.web.ConflictException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which failures are run again, how often, and that each attempt is a transaction of its own. */
class RetryingTransactionsTest {

    private final CountingTransactions transactions = new CountingTransactions();
    private final RetryingTransactions retrying = new RetryingTransactions(transactions);

    @Test
    void aLostRaceIsRunAgainInANewTransactionUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrying.execute("payment VIR-1", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "booked";
        });

        assertThat(result).isEqualTo("booked");
        assertThat(attempts).hasValue(3);
        assertThat(transactions.begun).as("one transaction per attempt").hasValue(3);
        assertThat(transactions.rolledBack).hasValue(2);
        assertThat(transactions.committed).hasValue(1);
    }

    @Test
    void aRaceLostEveryTimeEndsAfterFiveAttemptsAsAConcurrentUpdate() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrying.execute("payment VIR-2", () -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("Entity was updated by another transaction concurrently");
        })).isInstanceOf(ConcurrencyFailureException.class).hasMessageContaining("5 attempts");

        assertThat(attempts).hasValue(RetryingTransactions.MAX_ATTEMPTS).hasValue(5);
        assertThat(transactions.rolledBack).hasValue(5);
        assertThat(transactions.committed).hasValue(0);
    }

    @Test
    void aBusinessRefusalIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrying.execute("invoice F-1", () -> {
            attempts.incrementAndGet();
            throw new ConflictException("number", "invoice F-1 already exists");
        })).isInstanceOf(ConflictException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void insideSomeoneElsesTransactionTheWorkJoinsItAndIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                retrying.execute("hold on F-2", () -> {
                    attempts.incrementAndGet();
                    throw new CannotAcquireLockException("deadlock detected");
                }))).isInstanceOf(CannotAcquireLockException.class);

        assertThat(attempts).hasValue(1);
        assertThat(transactions.begun).hasValue(1);
    }

    @Test
    void deadlocksAndSerializationFailuresAreFoundWhereverTheEngineOrJdbcWrappedThem() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 delete from ACT_RU_JOB was aborted", null, 0,
                new int[0], null);
        batch.setNextException(deadlock);

        assertThat(RetryingTransactions.isTransientConflict(new ProcessEngineException("flush failed", batch))).isTrue();
        assertThat(RetryingTransactions.isTransientConflict(new RuntimeException(
                new SQLException("could not serialize access", "40001")))).isTrue();
        assertThat(RetryingTransactions.isTransientConflict(new ProcessEngineException(
                new OptimisticLockingException("ENGINE-03005")))).isTrue();
        assertThat(RetryingTransactions.isTransientConflict(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).as("a unique key is a real conflict").isFalse();
        assertThat(RetryingTransactions.isTransientConflict(new ProcessEngineException("no such message"))).isFalse();
    }

    /** A transaction manager without a database that counts what happens to each transaction. */
    private static final class CountingTransactions extends AbstractPlatformTransactionManager {

        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
            // the outer transaction is rolled back by whoever began it
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.incrementAndGet();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }
    }
}

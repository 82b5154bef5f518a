package io.recouvra.database;

import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node only: every node's scheduler fires, the first to take the job's lock in
 * {@code scheduler_lock} runs it, the others skip it. ShedLock's own executor takes and frees the lock.
 */
@Component
public class SingleNodeJobs {

    private static final Logger log = LoggerFactory.getLogger(SingleNodeJobs.class);

    private final LockingTaskExecutor executor;

    public SingleNodeJobs(LockProvider locks) {
        this.executor = new DefaultLockingTaskExecutor(locks);
    }

    /**
     * @param atMost frees the lock if the node running the job dies mid-run; longer than any run
     * @param atLeast keeps a node whose clock is a little late from running the same job again right after
     * @return whether this node ran the job
     */
    public boolean runAlone(String lock, Duration atMost, Duration atLeast, Runnable job) {
        LockConfiguration configuration = new LockConfiguration(ClockProvider.now(), lock, atMost, atLeast);
        LockingTaskExecutor.TaskResult<Void> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return null;
            }, configuration);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // a Runnable throws no checked exception: only the executor's signature declares one
            throw new IllegalStateException(checked);
        }
        if (!result.wasExecuted()) {
            log.info("Scheduled job {} skipped: another node is running it", lock);
        }
        return result.wasExecuted();
    }
}

package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.support.FastTest;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/**
 * The interceptor that runs again a claim or a form read that lost a race (a collector's own Tasklist opening the
 * call while she claims it, seen in {@code CollectorTasklistBrowserTest}), in front of an engine whose commands fail
 * as told: the race cannot be brought about on purpose through the engine.
 */
@FastTest
class TaskOpeningRetriesTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aClaimThatLostARaceIsRunAgainAndSucceeds() {
        CommandInterceptor retries = retriesInFrontOf(2);

        retries.execute(new ClaimTaskCmd("task-1", "camille"));
        assertThat(runs).hasValue(3);
    }

    @Test
    void openingAFormIsRunAgainTooButNotForever() {
        retriesInFrontOf(1).execute(new GetTaskFormVariablesCmd("task-1", null, true));
        assertThat(runs).hasValue(2);

        runs.set(0);
        assertThatThrownBy(() -> retriesInFrontOf(10).execute(new ClaimTaskCmd("task-1", "camille")))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(runs).as("three tries, then the failure is hers to see").hasValue(3);
    }

    @Test
    void aCompletionIsNeverRunAgain() {
        assertThatThrownBy(() -> retriesInFrontOf(1).execute(new CompleteTaskCmd("task-1", new HashMap<>())))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(runs).hasValue(1);
    }

    /** The plugin's interceptor, before an engine that loses the race this many times, then succeeds. */
    private CommandInterceptor retriesInFrontOf(int lostRaces) {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new TaskOpeningRetries().preInit(configuration);
        CommandInterceptor retries = configuration.getCustomPreCommandInterceptorsTxRequired().get(0);
        retries.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (runs.incrementAndGet() <= lostRaces) {
                    throw new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction concurrently.");
                }
                return null;
            }
        });
        return retries;
    }
}

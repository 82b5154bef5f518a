package io.recouvra.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Opening a task in Tasklist and claiming it are tried again when they lose a race with each other. When a
 * collector opens a call, Tasklist reads its form (the call sheet is refreshed then, and the task renamed when
 * its overdue days changed overnight) while she already clicks "Prendre" (the claim refreshes the sheet too):
 * the later of the two to commit fails with an optimistic locking exception, and she would read that someone else
 * changed the case. Both commands are safe to run again in a new transaction: reading a form changes nothing
 * but the sheet, and a claim checks the assignee afresh (a colleague's claim still wins). Completing a task is
 * never retried: what the collector saw may be out of date, and she must see it again.
 */
@Component
class TaskOpeningRetries extends AbstractProcessEnginePlugin {

    private static final Set<Class<?>> RETRIED = Set.of(ClaimTaskCmd.class, GetTaskFormCmd.class, GetTaskFormVariablesCmd.class);
    private static final int TRIES = 3;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                // only an outermost command has a transaction of its own to run again
                if (!RETRIED.contains(command.getClass()) || Context.getCommandContext() != null) {
                    return next.execute(command);
                }
                for (int attempt = 1; ; attempt++) {
                    try {
                        return next.execute(command);
                    } catch (OptimisticLockingException lost) {
                        if (attempt == TRIES) {
                            throw lost;
                        }
                    }
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}

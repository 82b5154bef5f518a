package io.recouvra.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a delegate or a task listener sees of its process, for a test of the fast layer: a mocked
 * {@link DelegateExecution} or {@link DelegateTask} whose variables are the given map, read and written
 * as the engine would. The test looks at the map afterwards for what the step set.
 */
public final class ProcessScopes {

    private ProcessScopes() {
    }

    /** An execution of the process instance, which is itself: enough for a step that sets an instance variable. */
    public static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = backedBy(mock(DelegateExecution.class), variables);
        lenient().doAnswer(call -> execution).when(execution).getProcessInstance();
        return execution;
    }

    /** A user task completing, its form's fields among the variables. */
    public static DelegateTask task(Map<String, Object> variables) {
        return backedBy(mock(DelegateTask.class), variables);
    }

    private static <S extends VariableScope> S backedBy(S scope, Map<String, Object> variables) {
        lenient().doAnswer(call -> variables.get(call.<String>getArgument(0))).when(scope).getVariable(anyString());
        lenient().doAnswer(call -> variables.containsKey(call.<String>getArgument(0))).when(scope).hasVariable(anyString());
        lenient().doAnswer(call -> variables).when(scope).getVariables();
        lenient().doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(scope).setVariable(anyString(), any());
        lenient().doAnswer(call -> {
            variables.putAll(call.getArgument(0));
            return null;
        }).when(scope).setVariables(anyMap());
        lenient().doAnswer(call -> variables.remove(call.<String>getArgument(0))).when(scope).removeVariable(anyString());
        return scope;
    }
}

package io.recouvra.database;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * A message for the process instances waiting for it, and for nothing else. No model of ours starts a process by
 * a message (ProcessContractsTest), yet left to itself the engine looks for a process definition to start
 * on every correlation: one query more for each of the several messages a payment sends (docs/performance.md).
 */
public final class WaitingInstances {

    private WaitingInstances() {
    }

    public static MessageCorrelationBuilder message(RuntimeService runtime, String messageName) {
        return ((MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(messageName)).executionsOnly();
    }
}

package io.recouvra.legal;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Instances of LegalInjunction started before the model followed decree 2021-1322 run to their end on
 * their own version (Camunda keeps every deployed version; an instance never changes version by itself).
 * The listeners they call are kept and behave as they did for them.
 */
final class LegacyVersions {

    /** The element only the old version has: the request for the enforceable formula (old art. 1423 CPC). */
    static final String FORMULA_TASK = "Task_RequestFormula";

    private LegacyVersions() {
    }

    static boolean asksForTheFormula(DelegateTask task) {
        return task.getProcessEngineServices().getRepositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(FORMULA_TASK) != null;
    }
}

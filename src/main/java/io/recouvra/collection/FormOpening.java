package io.recouvra.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Work done when Tasklist opens a task's form. Tasklist reads a form's variables from the engine ({@code GET
 * /task/{id}/form-variables}, and {@code /form} before it), and the engine builds the task's form data through the
 * task definition's form handler first: a handler wrapped here does its work then, in the same command.
 */
final class FormOpening {

    private FormOpening() {
    }

    /** Wraps the form handler of every user task the engine parses from now on that {@code which} selects. */
    static void wrap(ProcessEngineConfigurationImpl configuration, Predicate<TaskDefinition> which,
                     UnaryOperator<TaskFormHandler> wrapper) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
                        && which.test(behavior.getTaskDefinition())) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.setTaskFormHandler(wrapper.apply(definition.getTaskFormHandler()));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** A form handler that leaves everything but building the form data to the handler it wraps. */
    abstract static class Wrapped implements TaskFormHandler {

        protected final TaskFormHandler handler;

        Wrapped(TaskFormHandler handler) {
            this.handler = handler;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            handler.submitFormVariables(properties, variableScope);
        }
    }
}

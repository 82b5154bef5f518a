package io.recouvra.collection;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refreshes the call sheet when Tasklist opens a call task. A Camunda Form cannot call an API, but
 * Tasklist reads the form's variables from the engine when it opens a task ({@code GET
 * /task/{id}/form-variables}, and {@code /form} before it), and the engine builds the task's form data
 * through the task definition's form handler first. This plugin wraps the form handler of every user
 * task whose Camunda Form is {@value #FORM} so that building the form data reads the sheet again, in
 * the same command, for the user opening it.
 */
@Component
class CallSheetOnOpen extends AbstractProcessEnginePlugin {

    static final String FORM = "callDebtor";

    // looked up when a form is opened: the sheets need the engine that this plugin configures
    private final ObjectProvider<CallSheets> sheets;

    CallSheetOnOpen(ObjectProvider<CallSheets> sheets) {
        this.sheets = sheets;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
                configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    Expression form = definition.getCamundaFormDefinitionKey();
                    if (form != null && FORM.equals(form.getExpressionText())) {
                        definition.setTaskFormHandler(new Refreshing(definition.getTaskFormHandler()));
                    }
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class Refreshing implements TaskFormHandler {

        private final TaskFormHandler handler;

        Refreshing(TaskFormHandler handler) {
            this.handler = handler;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            String reader = Context.getCommandContext() != null ? Context.getCommandContext().getAuthenticatedUserId() : null;
            sheets.getObject().refresh(task, reader != null ? reader : task.getAssignee());
            return handler.createTaskForm(task);
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

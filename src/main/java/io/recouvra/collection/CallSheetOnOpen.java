package io.recouvra.collection;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refreshes the call sheet when Tasklist opens a call task. A Camunda Form cannot call an API, but
 * Tasklist reads the form's variables from the engine when it opens a task ({@link FormOpening}). This
 * plugin wraps the form handler of every user task whose Camunda Form is {@value #FORM} so that building
 * the form data reads the sheet again, in the same command, for the user opening it.
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
        FormOpening.wrap(configuration, task -> {
            Expression form = task.getCamundaFormDefinitionKey();
            return form != null && FORM.equals(form.getExpressionText());
        }, Refreshing::new);
    }

    private final class Refreshing extends FormOpening.Wrapped {

        Refreshing(TaskFormHandler handler) {
            super(handler);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            String reader = Context.getCommandContext() != null ? Context.getCommandContext().getAuthenticatedUserId() : null;
            sheets.getObject().refresh(task, reader != null ? reader : task.getAssignee());
            return handler.createTaskForm(task);
        }
    }
}

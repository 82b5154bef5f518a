package io.recouvra.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every Camunda Form the texts its text views show, when Tasklist opens it ({@link FormOpening}). This
 * plugin wraps the form handler of every user task with a Camunda Form: once the form data is built, it reads the deployed
 * form, and for each {@code {{xText}}} its text views template sets the task-local variable {@code xText} to
 * variable {@code x} written for the user opening it and escaped as text ({@link ShownText}). A name, a
 * dispute reason or an answer typed by a debtor or an integrator thus reaches the form as text, whatever
 * markdown or HTML it holds, and a process owner who edits a form in Modeler only has to template
 * {@code {{xText}}} rather than {@code {{x}}}.
 */
@Component
class FormTexts extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();

    // looked up when a form is opened: the viewers need the engine that this plugin configures
    private final ObjectProvider<Viewers> viewers;
    /** The shown variables of each deployed form definition, which never changes once deployed. */
    private final Map<String, Set<String>> shownByForm = new ConcurrentHashMap<>();

    FormTexts(ObjectProvider<Viewers> viewers) {
        this.viewers = viewers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FormOpening.wrap(configuration, task -> task.getCamundaFormDefinitionKey() != null, WithTexts::new);
    }

    /** Sets the shown texts of the task's form on the task, for whoever opens it. */
    void show(TaskEntity task, TaskFormData form) {
        CommandContext command = Context.getCommandContext();
        CamundaFormRef ref = form.getCamundaFormRef();
        if (command == null || ref == null) {
            return;
        }
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(command);
        Set<String> shown = shownByForm.computeIfAbsent(definition.getId(), id -> shownVariables(command, definition));
        if (shown.isEmpty()) {
            return;
        }
        String reader = command.getAuthenticatedUserId() != null ? command.getAuthenticatedUserId() : task.getAssignee();
        Viewer viewer = viewers.getObject().of(reader);
        for (String variable : shown) {
            String name = variable + FormTemplates.SUFFIX;
            String text = ShownText.of(variable, task.getVariable(variable), viewer);
            // written only when it changed: opening a form again writes nothing, and two readers rarely collide
            if (!text.equals(task.getVariableLocal(name))) {
                task.setVariableLocal(name, text);
            }
        }
    }

    private static Set<String> shownVariables(CommandContext command, CamundaFormDefinition definition) {
        ResourceEntity resource = command.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        try {
            JsonNode form = JSON.readTree(resource.getBytes());
            return FormTemplates.shownVariables(form);
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda Form " + definition.getKey() + " is not JSON", e);
        }
    }

    private final class WithTexts extends FormOpening.Wrapped {

        WithTexts(TaskFormHandler handler) {
            super(handler);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            // the wrapped handler first: it may refresh the variables shown (the call sheet)
            TaskFormData form = handler.createTaskForm(task);
            show(task, form);
            return form;
        }
    }
}

package io.recouvra.collection;

import io.recouvra.engine.TeamLanguage;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Keeps a call task's sheet current: the sheet is read again when the task is created, claimed or
 * assigned (task listener {@code ${refreshCallSheet}}) and whenever Tasklist opens the task's form
 * ({@link CallSheetOnOpen}), so the collector works from the customer as it is, not as it was when
 * the task was made. The sheet is written for its reader (the assignee, or whoever opens the form).
 */
@Component
class CallSheets {

    private final CallSteps steps;
    private final Viewers viewers;
    private final CallPriority priority;
    private final TeamLanguage language;

    CallSheets(CallSteps steps, Viewers viewers, CallPriority priority, TeamLanguage language) {
        this.steps = steps;
        this.viewers = viewers;
        this.priority = priority;
        this.language = language;
    }

    /**
     * A new call task (the call's first try or a retry): its priority and follow-up date from CallPriority,
     * then the sheet. On the task, not the call: each try is ranked from the customer as it is then.
     */
    void rankAndRefresh(DelegateTask task) {
        CallPriority.Rank rank = priority.decide(priority.factsOf(UUID.fromString((String) task.getVariable("customerId"))));
        task.setPriority(rank.taskPriority());
        task.setFollowUpDate(priority.followUpDate(rank));
        refresh(task, task.getAssignee());
    }

    /**
     * Reads the sheet again for the reader (null: the default reader) and renames the task after it.
     * Only the variables that changed are written, so opening a form changes nothing when nothing
     * happened since.
     */
    void refresh(DelegateTask task, String reader) {
        Map<String, Object> sheet = steps.callSheet(UUID.fromString((String) task.getVariable("customerId")), viewers.of(reader));
        Map<String, Object> changed = new HashMap<>();
        sheet.forEach((name, value) -> {
            if (!Objects.equals(task.getVariable(name), value)) {
                changed.put(name, value);
            }
        });
        if (!changed.isEmpty()) {
            task.getExecution().setVariables(changed);
        }
        String title = CallSteps.callTitle(language, modelName(task), task.getVariable("customerName"), sheet.get("overdueTotalDisplay"),
                sheet.get("oldestDaysOverdue"), sheet.get("riskClass"), sheet.get("notYetDueTotalDisplay"));
        if (!title.equals(task.getName())) {
            task.setName(title);
        }
        String description = CallSteps.callDescription(language, task.getVariable("customerName"), sheet.get("overdueTotalDisplay"),
                sheet.get("oldestDaysOverdue"), sheet.get("riskClass"), task.getPriority());
        if (!description.equals(task.getDescription())) {
            task.setDescription(description);
        }
    }

    /** The name drawn in the model, before any customer was appended to it. */
    private static String modelName(DelegateTask task) {
        FlowElement element = task.getBpmnModelElementInstance();
        return element != null && element.getName() != null ? element.getName() : task.getName();
    }
}

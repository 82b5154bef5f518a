package io.recouvra.messaging;

import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A message that will not go out on any channel must not fail quietly: the collectors get a task in
 * Tasklist to reach the debtor another way (a call, a corrected address), with what went wrong.
 */
@Component
class UndeliverableMessages {

    private final TaskService tasks;
    private final CustomerService customers;

    UndeliverableMessages(TaskService tasks, CustomerService customers) {
        this.tasks = tasks;
        this.customers = customers;
    }

    void raise(OutboxMessage row) {
        String taskId = "undeliverable-" + row.getId();
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        Task task = tasks.newTask(taskId);
        task.setName("Message could not be delivered: " + row.getCaseRef());
        task.setDescription(row.getKind() + " (" + row.getStep() + ") by " + row.getChannel() + " failed: "
                + row.getLastError() + ". Reach the debtor another way, correct its contact details, then close this task.");
        task.setPriority(60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(taskId, RecouvraGroups.COLLECTORS);
        // Shown under the task in Tasklist, like a process task's.
        tasks.setVariablesLocal(taskId, Map.of("invoiceNumber", row.getCaseRef(),
                "customerName", customers.get(row.getCustomerId()).getLegalName(),
                "outboxMessageId", row.getId().toString()));
    }
}

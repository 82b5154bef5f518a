package io.recouvra.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/** The users and standalone tasks the access tests work with: user {@code id}'s password is {@code secret-<id>}. */
final class StaffFixtures {

    private StaffFixtures() {
    }

    static void user(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    /** A task of no process, offered to one group. */
    static Task task(TaskService tasks, String name, String group) {
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task;
    }
}

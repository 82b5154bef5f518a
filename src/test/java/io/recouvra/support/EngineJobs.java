package io.recouvra.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Runs a process instance's jobs by hand, as the job executor would, since tests keep it off. */
@Component
public class EngineJobs {

    private final RuntimeService runtime;
    private final ManagementService management;

    EngineJobs(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** Runs every job due now in the instance and the processes it called, until none is. */
    public void runDue(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() != null && belongsTo(job.getProcessInstanceId(), instance.getId()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + instance.getBusinessKey());
    }

    /**
     * Runs the instance's jobs due now, until none is or every one left has failed: a failing job keeps its
     * exception and its retries, for the test to look at.
     */
    public void runDueKeepingFailures(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // stays on the job as its exception; the test looks at it
                }
            });
            if (due.stream().allMatch(job -> management.createJobQuery().jobId(job.getId()).withException().count() > 0)) {
                return;
            }
        }
        throw new AssertionError("jobs keep coming for " + instance.getBusinessKey());
    }

    private boolean belongsTo(String processInstanceId, String rootId) {
        return processInstanceId.equals(rootId) || runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).superProcessInstanceId(rootId).count() > 0;
    }
}

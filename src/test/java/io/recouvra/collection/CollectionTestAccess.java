package io.recouvra.collection;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** What tests of other features need of an invoice's collection: its instance, its jobs, a dispute. */
@Component
public class CollectionTestAccess {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Disputes disputes;

    CollectionTestAccess(RuntimeService runtime, ManagementService management, Disputes disputes) {
        this.runtime = runtime;
        this.management = management;
        this.disputes = disputes;
    }

    public ProcessInstance instanceOf(String invoiceNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(invoiceNumber).singleResult();
    }

    /** Runs every job due now in the instance and the processes it called. */
    public void runJobs(ProcessInstance instance) {
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

    public void raiseDispute(String invoiceNumber) {
        disputes.raise(invoiceNumber, "PRICE", "price differs from the order", "API");
    }

    private boolean belongsTo(String processInstanceId, String rootId) {
        return processInstanceId.equals(rootId) || runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).superProcessInstanceId(rootId).count() > 0;
    }
}

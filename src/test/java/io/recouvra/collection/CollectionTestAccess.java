package io.recouvra.collection;

import io.recouvra.support.EngineJobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** What tests of other features need of an invoice's collection: its instance and escalation, its jobs, a dispute. */
@Component
public class CollectionTestAccess {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final EngineJobs jobs;
    private final Disputes disputes;
    private final PaymentPlans plans;

    CollectionTestAccess(RuntimeService runtime, HistoryService history, EngineJobs jobs, Disputes disputes, PaymentPlans plans) {
        this.runtime = runtime;
        this.history = history;
        this.jobs = jobs;
        this.disputes = disputes;
        this.plans = plans;
    }

    /** A plan asked for through the API (instalments: due date to amount), offered, then accepted by the debtor. */
    public UUID acceptedPlan(UUID customerId, String invoiceNumber, Map<LocalDate, BigDecimal> instalments) {
        UUID planId = plans.startFromApi(customerId, List.of(invoiceNumber), instalments.entrySet().stream()
                .map(i -> new PaymentPlans.Instalment(0, i.getKey(), i.getValue())).toList(), "erp");
        ProcessInstance plan = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanContract.PROCESS_KEY)
                .processInstanceBusinessKey(planId.toString()).singleResult();
        runJobs(plan);
        plans.accept(planId);
        return planId;
    }

    public ProcessInstance instanceOf(String invoiceNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY)
                .processInstanceBusinessKey(invoiceNumber).singleResult();
    }

    /** The Escalation the invoice's collection is waiting for, or null. */
    public ProcessInstance escalationOf(ProcessInstance invoiceCase) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(invoiceCase.getId())
                .processDefinitionKey(EscalationContract.PROCESS_KEY).singleResult();
    }

    /** A variable's last value in an instance, running or ended (from history). */
    public Object lastValue(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    /** Runs every job due now in the instance and the processes it called. */
    public void runJobs(ProcessInstance instance) {
        jobs.runDue(instance);
    }

    public void raiseDispute(String invoiceNumber) {
        disputes.raise(invoiceNumber, "PRICE", "price differs from the order", "API");
    }

}

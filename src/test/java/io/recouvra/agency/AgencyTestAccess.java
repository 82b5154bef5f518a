package io.recouvra.agency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What tests of other features need of an agency hand-off: its instance, its jobs, an agency's update. */
@Component
public class AgencyTestAccess {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final AgencyUpdates updates;
    private final CollectionAgencies agencies;
    private final AgencyCaseRepository cases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AgencyTestAccess(RuntimeService runtime, ManagementService management, AgencyUpdates updates, CollectionAgencies agencies,
                     AgencyCaseRepository cases, TransactionTemplate transactions, Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.updates = updates;
        this.agencies = agencies;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ProcessInstance handoffOf(String invoiceNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AgencyHandoffContract.PROCESS_KEY)
                .processInstanceBusinessKey(invoiceNumber).singleResult();
    }

    /** Runs the jobs due now in the invoice's AgencyHandoff, until none is. */
    public void runJobs(String invoiceNumber) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processDefinitionKey(AgencyHandoffContract.PROCESS_KEY).executable().list().stream()
                    .filter(job -> invoiceNumber.equals(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                            .singleResult().getBusinessKey()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("agency jobs keep coming for " + invoiceNumber);
    }

    /** The latest case of the invoice's agency, reporting an update through the signed webhook path. */
    public String report(String invoiceNumber, String type, BigDecimal amount) {
        AgencyCase agencyCase = cases.findByInvoiceNumberOrderByOpenedAtDesc(invoiceNumber).get(0);
        String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + agencyCase.getId() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + clock.instant() + "\"" + (amount == null ? "" : ",\"amount\":\"" + amount.toPlainString() + "\"") + "}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String secret = agencies.get(agencyCase.getAgencyId()).webhookSecret();
        return transactions.execute(status -> updates.receive(agencyCase.getAgencyId(), raw, AgencySignatures.sign(secret, raw)).name());
    }

    public String outcomeOf(String invoiceNumber) {
        AgencyCase.Outcome outcome = cases.findByInvoiceNumberOrderByOpenedAtDesc(invoiceNumber).get(0).getOutcome();
        return outcome == null ? null : outcome.name();
    }
}

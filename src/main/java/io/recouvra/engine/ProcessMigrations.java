package io.recouvra.engine;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.engine.MigrationReport.LeftInstance;
import io.recouvra.engine.MigrationReport.SourceVersion;
import io.recouvra.engine.UpgradeInstructions.ReEntry;
import io.recouvra.web.NotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of a process from its older versions to the latest one with Camunda's migration
 * API, as its {@link ProcessUpgrade} says. Each instance is migrated in a transaction of its own: it is either
 * wholly on the latest version afterwards or untouched on its own (where Camunda keeps running it, its listeners
 * and delegates being kept for it) and reported with the engine's reason. Running it again migrates what is left
 * and finds nothing else to do.
 */
@Service
public class ProcessMigrations {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final RetryingTransactions transactions;
    private final List<ProcessUpgrade> upgrades;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management, TaskService tasks,
                      RetryingTransactions transactions, List<ProcessUpgrade> upgrades) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.transactions = transactions;
        this.upgrades = List.copyOf(upgrades);
    }

    /** The processes that have an upgrade, in the order their beans come. */
    List<ProcessUpgrade> upgrades() {
        return upgrades;
    }

    /** The upgrade of the process with that key. */
    ProcessUpgrade upgradeOf(String processKey) {
        return upgrades.stream().filter(upgrade -> upgrade.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("No migration is defined for process " + processKey));
    }

    /**
     * Migrates the instances of every older version of the upgrade's process to the latest version.
     *
     * @param dryRun true: each instance is migrated in a transaction that is then rolled back, so the report says
     *               what a migration would do and nothing changes
     */
    public MigrationReport migrateToLatest(ProcessUpgrade upgrade, boolean dryRun) {
        String key = upgrade.processKey();
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        if (latest == null) {
            return new MigrationReport(key, null, dryRun, List.of());
        }
        UpgradeInstructions instructions = new UpgradeInstructions();
        upgrade.instruct(instructions);
        List<SourceVersion> versions = new ArrayList<>();
        for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (source.getVersion() < latest.getVersion()
                    && runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count() > 0) {
                versions.add(migrateVersion(source, latest, instructions, dryRun));
            }
        }
        MigrationReport report = new MigrationReport(key, latest.getVersion(), dryRun, versions);
        if (!versions.isEmpty()) {
            log.info("{}{}: {} instances migrated to version {}, {} left on their version{}", dryRun ? "Dry run, " : "", key,
                    report.migrated(), latest.getVersion(), report.left(), report.left() == 0 ? "" : " (see the report)");
        }
        return report;
    }

    private SourceVersion migrateVersion(ProcessDefinition source, ProcessDefinition target, UpgradeInstructions instructions,
                                         boolean dryRun) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByProcessInstanceId().asc().list();
        MigrationPlan plan;
        try {
            plan = plan(source, target, instructions);
        } catch (MigrationPlanValidationException invalid) {
            String reason = "no valid migration plan from version " + source.getVersion() + ": " + describe(invalid);
            log.warn("{}: {}", source.getKey(), reason);
            return new SourceVersion(source.getVersion(), 0, 0,
                    instances.stream().map(instance -> left(instance, reason)).toList());
        }
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        List<ReEntry> reEntries = instructions.reEntries().stream()
                .filter(reEntry -> !mapped.contains(reEntry.waitId()) && mapped.contains(reEntry.handOverWaitId())
                        && has(target, reEntry.callActivityId()))
                .toList();
        int migrated = 0;
        int reEntered = 0;
        List<LeftInstance> left = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            try {
                Outcome outcome = transactions.execute("migrate " + source.getKey() + " " + instance.getBusinessKey(), status -> {
                    Outcome done = migrate(instance.getId(), source, plan, mapped, reEntries, target);
                    if (dryRun) {
                        status.setRollbackOnly();
                    }
                    return done;
                });
                switch (outcome.kind()) {
                    case MIGRATED -> migrated++;
                    case RE_ENTERED -> {
                        migrated++;
                        reEntered++;
                    }
                    case LEFT -> left.add(left(instance, outcome.reason()));
                    case GONE -> log.info("{} {}: ended or migrated meanwhile", source.getKey(), instance.getBusinessKey());
                }
            } catch (MigratingProcessInstanceValidationException invalid) {
                left.add(left(instance, describe(invalid.getValidationReport())));
            } catch (ProcessEngineException | DataAccessException failed) {
                log.warn("{} {}: not migrated", source.getKey(), instance.getBusinessKey(), failed);
                left.add(left(instance, failed.getMessage()));
            }
        }
        return new SourceVersion(source.getVersion(), migrated, reEntered, left);
    }

    /** Equal ids, then the upgrade's renames; a trigger is set again only where the upgrade says so. */
    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, UpgradeInstructions instructions) {
        Map<String, String> mapping = new LinkedHashMap<>();
        runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build().getInstructions()
                .forEach(instruction -> mapping.put(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
        instructions.renamed().forEach((oldId, newId) -> {
            if (has(source, oldId) && has(target, newId)) {
                mapping.put(oldId, newId);
            }
        });
        MigrationPlanBuilder plan = runtime.createMigrationPlan(source.getId(), target.getId());
        for (Map.Entry<String, String> pair : mapping.entrySet()) {
            var instruction = plan.mapActivities(pair.getKey(), pair.getValue());
            plan = instructions.takesNewTrigger(pair.getKey()) ? instruction.updateEventTrigger() : instruction;
        }
        return plan.build();
    }

    /** GONE: the instance ended, or another migration moved it, since the version's instances were listed. */
    private enum Kind { MIGRATED, RE_ENTERED, LEFT, GONE }

    private record Outcome(Kind kind, String reason) {
    }

    private Outcome migrate(String instanceId, ProcessDefinition source, MigrationPlan plan, Set<String> mapped,
                            List<ReEntry> reEntries, ProcessDefinition target) {
        ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (now == null || !now.getProcessDefinitionId().equals(source.getId())) {
            return new Outcome(Kind.GONE, null);
        }
        Set<String> unmapped = activeElements(instanceId);
        unmapped.removeAll(mapped);
        if (unmapped.isEmpty()) {
            runtime.newMigration(plan).processInstanceIds(instanceId).execute();
            return new Outcome(Kind.MIGRATED, null);
        }
        Optional<ReEntry> reEntry = unmapped.size() != 1 ? Optional.empty()
                : reEntries.stream().filter(candidate -> unmapped.contains(candidate.waitId())).findFirst();
        if (reEntry.isEmpty()) {
            return new Outcome(Kind.LEFT, "waits at " + String.join(", ", unmapped) + ", which version " + target.getVersion()
                    + " has no element to migrate to and no re-entry for");
        }
        reEnter(instanceId, plan, reEntry.get());
        return new Outcome(Kind.RE_ENTERED, null);
    }

    /**
     * In the caller's transaction: the wait is exchanged for the hand-over wait on the old version, the instance is
     * migrated, and the hand-over wait is exchanged for the call activity, told where to resume. Listeners and
     * input mappings are skipped on the old version only: nothing happens there but the exchange.
     */
    private void reEnter(String instanceId, MigrationPlan plan, ReEntry reEntry) {
        Job timer = management.createJobQuery().processInstanceId(instanceId).activityId(reEntry.waitId()).timers().singleResult();
        Date timerDue = timer == null ? null : timer.getDuedate();
        Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(reEntry.waitId()).singleResult();
        String note = "Upgraded to the latest version: " + reEntry.waitId() + " moved into the process called by "
                + reEntry.callActivityId() + ", re-entered there (" + reEntry.resumeVariable() + " = " + reEntry.resumeAt() + ")";

        runtime.createProcessInstanceModification(instanceId)
                .startBeforeActivity(reEntry.handOverWaitId())
                .cancelAllForActivity(reEntry.waitId())
                .setAnnotation(note)
                .execute(true, true);
        runtime.newMigration(plan).processInstanceIds(instanceId).execute();
        Object resumeBefore = runtime.getVariable(instanceId, reEntry.resumeVariable());
        runtime.createProcessInstanceModification(instanceId)
                .startBeforeActivity(reEntry.callActivityId()).setVariable(reEntry.resumeVariable(), reEntry.resumeAt())
                .cancelAllForActivity(reEntry.handOverWaitId())
                .setAnnotation(note)
                .execute();
        // the called process has it now; the caller goes on as it was
        if (resumeBefore == null) {
            runtime.removeVariable(instanceId, reEntry.resumeVariable());
        } else {
            runtime.setVariable(instanceId, reEntry.resumeVariable(), resumeBefore);
        }

        // what the case had been promised or given at the old wait stays
        for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId).list()) {
            if (timerDue != null) {
                management.createJobQuery().processInstanceId(called.getId()).activityId(reEntry.waitId()).timers().list()
                        .forEach(job -> management.setJobDuedate(job.getId(), timerDue));
            }
            if (task != null) {
                for (Task again : tasks.createTaskQuery().processInstanceId(called.getId()).taskDefinitionKey(reEntry.waitId()).list()) {
                    again.setAssignee(task.getAssignee());
                    again.setDueDate(task.getDueDate());
                    again.setFollowUpDate(task.getFollowUpDate());
                    tasks.saveTask(again);
                }
            }
        }
    }

    /** The elements the instance has a token in (sub-processes and waits), and those an asynchronous step waits before or after. */
    private Set<String> activeElements(String instanceId) {
        Set<String> elements = new LinkedHashSet<>();
        collect(runtime.getActivityInstance(instanceId), elements, true);
        return elements;
    }

    private static void collect(ActivityInstance instance, Set<String> elements, boolean root) {
        if (!root) {
            elements.add(instance.getActivityId());
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            elements.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, elements, false);
        }
    }

    private boolean has(ProcessDefinition definition, String elementId) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementById(elementId) != null;
    }

    private static LeftInstance left(ProcessInstance instance, String reason) {
        return new LeftInstance(instance.getId(), instance.getBusinessKey(), reason);
    }

    private static String describe(MigrationPlanValidationException invalid) {
        List<String> failures = new ArrayList<>();
        for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
            failures.add(report.getMigrationInstruction().getSourceActivityId() + " -> "
                    + report.getMigrationInstruction().getTargetActivityId() + ": " + String.join("; ", report.getFailures()));
        }
        return failures.isEmpty() ? invalid.getMessage() : String.join(" | ", failures);
    }

    private static String describe(MigratingProcessInstanceValidationReport report) {
        List<String> failures = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity ->
                failures.add("at " + activity.getSourceScopeId() + ": " + String.join("; ", activity.getFailures())));
        report.getTransitionInstanceReports().forEach(transition ->
                failures.add("before or after " + transition.getSourceScopeId() + ": " + String.join("; ", transition.getFailures())));
        return String.join(" | ", failures);
    }
}

package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.ModelDeployments;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The migration on a small process whose second version moves two waits into a called process, as the
 * escalation split does to InvoiceCollection: an instance at such a wait re-enters the call activity there, with
 * what it had at the old wait; an instance at a wait the new version simply dropped stays on its version and is
 * reported. And who may ask for a migration through the API.
 */
@RecouvraTest
class ProcessMigrationsTest {

    private static final String KEY = "UpgradeExample";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    /** The example's upgrade: its approval and reassessment moved into UpgradeExampleChild. */
    private static final ProcessUpgrade SPLIT = new ProcessUpgrade() {
        @Override
        public String processKey() {
            return KEY;
        }

        @Override
        public void instruct(UpgradeInstructions instructions) {
            instructions.reEnter("Task_Approve", "CallActivity_Escalation", "escalationResumeAt", "APPROVAL", "Event_Released")
                    .reEnter("Timer_Reassess", "CallActivity_Escalation", "escalationResumeAt", "REASSESSMENT", "Event_Released");
        }
    };

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessMigrations migrations;
    @Autowired
    ProcessMigrationOnStart onStart;
    @Autowired
    Api api;

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        EngineClock.moveTo(DAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void waitsThatMovedIntoACalledProcessAreReEnteredThereAndADroppedOneIsLeftAndReported() {
        ProcessDefinition flat = deploy("upgrade-example-v1.bpmn");
        ProcessInstance approval = start("approve");
        Task approve = tasks.createTaskQuery().processInstanceId(approval.getId()).singleResult();
        tasks.setAssignee(approve.getId(), "manon");
        Date approvalDue = approve.getDueDate();
        ProcessInstance reassessment = start("reassess");
        Date reassessmentDue = timerOf(reassessment).getDuedate();
        ProcessInstance released = start("release");
        ProcessInstance dropped = start("gone");
        EngineClock.moveTo(DAY.plusDays(2));
        deploy("upgrade-example-child.bpmn");
        ProcessDefinition split = deploy("upgrade-example-v2.bpmn");

        MigrationReport report = migrations.migrateToLatest(SPLIT, false);

        MigrationReport.SourceVersion fromFlat = report.versions().stream()
                .filter(version -> version.version() == flat.getVersion()).findFirst().orElseThrow();
        assertThat(fromFlat.migrated()).isEqualTo(3);
        assertThat(fromFlat.reEntered()).isEqualTo(2);
        assertThat(fromFlat.left()).singleElement().satisfies(left -> {
            assertThat(left.processInstanceId()).isEqualTo(dropped.getId());
            assertThat(left.reason()).contains("Task_Gone");
        });

        assertThat(definitionOf(approval)).isEqualTo(split.getId());
        assertThat(approval).isWaitingAt("CallActivity_Escalation");
        assertThat(runtime.getVariable(approval.getId(), "escalationResumeAt")).as("only the call activity had it").isNull();
        Task again = tasks.createTaskQuery().processInstanceId(called(approval).getId()).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_Approve");
        assertThat(again.getAssignee()).as("still the manager's").isEqualTo("manon");
        assertThat(again.getDueDate()).as("still due when it was").isEqualTo(approvalDue);

        assertThat(reassessment).isWaitingAt("CallActivity_Escalation");
        assertThat(called(reassessment)).isWaitingAt("Timer_Reassess");
        assertThat(timerOf(called(reassessment)).getDuedate()).as("the day it was given, not 30 days from now").isEqualTo(reassessmentDue);

        assertThat(definitionOf(released)).isEqualTo(split.getId());
        assertThat(released).isWaitingAt("Event_Released");

        assertThat(definitionOf(dropped)).as("left on its version").isEqualTo(flat.getId());
        assertThat(dropped).isWaitingAt("Task_Gone");

        // each carries on
        tasks.complete(again.getId());
        assertThat(approval).isEnded();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(approval.getId()).count()).isZero();
        EngineClock.moveTo(DAY.plusDays(31));
        management.executeJob(timerOf(called(reassessment)).getId());
        assertThat(reassessment).isEnded();
        runtime.correlateMessage("UpgradeExampleReleased", released.getBusinessKey());
        assertThat(released).isEnded();
        tasks.complete(tasks.createTaskQuery().processInstanceId(dropped.getId()).singleResult().getId());
        assertThat(dropped).as("the old version runs it to its end").isEnded();
    }

    @Test
    void aDryRunReportsWhatAMigrationWouldDoAndChangesNothing() {
        deploy("upgrade-example-v1.bpmn");
        ProcessInstance approval = start("approve");
        deploy("upgrade-example-child.bpmn");
        deploy("upgrade-example-v2.bpmn");

        MigrationReport report = migrations.migrateToLatest(SPLIT, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.migrated()).isPositive();
        assertThat(approval).isWaitingAt("Task_Approve");
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(approval.getId()).count()).isZero();
        migrations.migrateToLatest(SPLIT, false);
    }

    @Test
    void atStartUpTheInstancesOfAnOlderInvoiceCollectionMoveToTheLatestVersion() {
        ProcessDefinition released;
        ProcessInstance waiting;
        ProcessDefinition latest;
        try {
            released = ModelDeployments.deployWithForms(repository, "ProcessMigrationsTest: InvoiceCollection at 0440554",
                    "legacy/invoice-collection-0440554.bpmn");
            // waits before "Assess customer", an asynchronous step whose job nobody runs here
            waiting = runtime.startProcessInstanceById(released.getId(), TestData.invoiceNumber());
        } finally {
            latest = ModelDeployments.deployWithForms(repository, "ProcessMigrationsTest: InvoiceCollection, current again",
                    "processes/invoice-collection.bpmn");
        }

        onStart.migrateRunningInstances();

        assertThat(definitionOf(waiting)).isEqualTo(latest.getId());
        assertThat(management.createJobQuery().processInstanceId(waiting.getId()).activityId("Task_AssessCustomer").singleResult()
                .getProcessDefinitionId()).as("its job moved with it").isEqualTo(latest.getId());
        runtime.deleteProcessInstance(waiting.getId(), "a test instance without an invoice", true);
    }

    @Test
    void anAdminAsksThroughTheApiAndIsAnsweredWithTheReport() {
        ResponseEntity<JsonNode> answer = api.asAdmin().postForEntity("/api/v1/admin/process-migrations/invoice-collection?dryRun=true",
                null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("process").asText()).isEqualTo("InvoiceCollection");
        assertThat(answer.getBody().get("dryRun").asBoolean()).isTrue();
        assertThat(answer.getBody().get("latestVersion").asInt()).isPositive();
        assertThat(answer.getBody().get("versions").isArray()).isTrue();
    }

    @Test
    void badRequestsAreRefusedAsProblems() {
        ResponseEntity<JsonNode> unknown = api.asAdmin().postForEntity("/api/v1/admin/process-migrations/no-such-process", null,
                JsonNode.class);
        ResponseEntity<JsonNode> notABoolean = api.asAdmin().postForEntity(
                "/api/v1/admin/process-migrations/invoice-collection?dryRun=perhaps", null, JsonNode.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().toString()).contains("NoSuchProcess");
        assertThat(notABoolean.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notABoolean.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyAdminsMayMigrate() {
        String integrator = "migration-integrator";
        if (identity.createUserQuery().userId(integrator).count() == 0) {
            User user = identity.newUser(integrator);
            user.setPassword("secret-" + integrator);
            identity.saveUser(user);
            identity.createMembership(integrator, RecouvraGroups.INTEGRATORS);
        }

        assertThat(api.as(integrator, "secret-" + integrator).postForEntity("/api/v1/admin/process-migrations/invoice-collection",
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().postForEntity("/api/v1/admin/process-migrations/invoice-collection", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ProcessDefinition deploy(String model) {
        String deployment = repository.createDeployment().name("ProcessMigrationsTest " + model)
                .addClasspathResource("migration/" + model).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private ProcessInstance start(String path) {
        return runtime.startProcessInstanceByKey(KEY, TestData.invoiceNumber(), Map.of("path", path));
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
    }

    private ProcessInstance called(ProcessInstance parent) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
    }

    private Job timerOf(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }
}

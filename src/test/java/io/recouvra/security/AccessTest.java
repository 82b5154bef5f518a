package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RecouvraTest
@ExtendWith(OutputCaptureExtension.class)
class AccessTest {

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    AccessSetup accessSetup;

    Task collectorsTask;
    Task legalTask;

    @BeforeEach
    void twoTasksAndTwoUsers() {
        user("colette", RecouvraGroups.COLLECTORS);
        user("marc", RecouvraGroups.MANAGERS);
        collectorsTask = task("Call the debtor", RecouvraGroups.COLLECTORS);
        legalTask = task("Review the injunction file", RecouvraGroups.LEGAL);
    }

    @AfterEach
    void cleanUp() {
        tasks.deleteTask(collectorsTask.getId(), true);
        tasks.deleteTask(legalTask.getId(), true);
        identity.deleteUser("colette");
        identity.deleteUser("marc");
    }

    @Test
    void salesAndOperationsAnswerInTasklistButDoNotReadTheLedgerAndCollectorsDoNotReadDisputeDocuments() {
        user("sophie", RecouvraGroups.SALES_OPERATIONS);
        try {
            assertThat(api.as("sophie", "secret-sophie").getForEntity("/api/v1/invoices", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("colette", "secret-colette").getForEntity("/api/v1/disputes/" + java.util.UUID.randomUUID()
                    + "/attachments", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("marc", "secret-marc").getForEntity("/api/v1/disputes/" + java.util.UUID.randomUUID()
                    + "/attachments", String.class).getStatusCode()).as("managers handle disputes").isEqualTo(HttpStatus.OK);
        } finally {
            identity.deleteUser("sophie");
        }
    }

    @Test
    void theGroupsExistOnFirstStart() {
        assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
                .contains("collectors", "dispute-handlers", "legal", "credit-managers", "managers", "sales-operations", "admins");
    }

    @Test
    void theEngineRestApiRefusesAnonymousCallers() {
        assertThat(api.anonymous().getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("colette", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCollectorSeesAndWorksTheTasksOfItsGroupOnly() {
        ResponseEntity<JsonNode[]> visible = api.as("colette", "secret-colette").getForEntity("/engine-rest/task", JsonNode[].class);
        assertThat(visible.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(visible.getBody()).extracting(t -> t.get("id").asText())
                .contains(collectorsTask.getId()).doesNotContain(legalTask.getId());

        var claim = api.as("colette", "secret-colette").postForEntity(
                "/engine-rest/task/" + collectorsTask.getId() + "/claim", Map.of("userId", "colette"), String.class);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var foreignClaim = api.as("colette", "secret-colette").postForEntity(
                "/engine-rest/task/" + legalTask.getId() + "/claim", Map.of("userId", "colette"), String.class);
        assertThat(foreignClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theLedgerApiIsReadByStaffAndWrittenByIntegratorsCreditManagersAndAdmins() {
        user("ingrid", RecouvraGroups.INTEGRATORS);
        try {
            assertThat(api.as("colette", "secret-colette").getForEntity("/api/v1/invoices", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            var customer = Map.of("legalName", "Integration SA", "registrationNumber", TestData.siren());
            assertThat(api.as("colette", "secret-colette").postForEntity("/api/v1/customers", customer, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("ingrid", "secret-ingrid").postForEntity("/api/v1/customers", customer, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(api.as("marc", "secret-marc").getForEntity("/actuator/metrics", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(api.as("colette", "secret-colette").getForEntity("/actuator/metrics", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.anonymous().getForEntity("/actuator/health", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            identity.deleteUser("ingrid");
        }
    }

    @Test
    void theApiDocumentationIsOpen() {
        assertThat(api.anonymous().getForEntity("/api/v1/openapi", String.class).getBody()).contains("/api/v1/invoices");
        var ui = api.anonymous().getForEntity("/api/v1/docs", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
    }

    @ParameterizedTest
    @ValueSource(strings = {RecouvraGroups.COLLECTORS, RecouvraGroups.DISPUTE_HANDLERS, RecouvraGroups.LEGAL,
            RecouvraGroups.CREDIT_MANAGERS})
    void eachTeamClaimsAndCompletesTheTasksOfItsGroup(String group) {
        user("worker", group);
        Task own = task("A task for " + group, group);
        try {
            var claim = api.as("worker", "secret-worker").postForEntity(
                    "/engine-rest/task/" + own.getId() + "/claim", Map.of("userId", "worker"), String.class);
            assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            var complete = api.as("worker", "secret-worker").postForEntity(
                    "/engine-rest/task/" + own.getId() + "/complete", Map.of(), String.class);
            assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        } finally {
            identity.deleteUser("worker");
            tasks.deleteTask(own.getId(), true);
        }
    }

    @Test
    void anIntegratorSeesNothingInTheEngine() {
        user("ingo", RecouvraGroups.INTEGRATORS);
        try {
            ResponseEntity<JsonNode[]> visible = api.as("ingo", "secret-ingo").getForEntity("/engine-rest/task", JsonNode[].class);
            assertThat(visible.getBody()).isEmpty();
            assertThat(mayOpen("ingo", RecouvraGroups.INTEGRATORS, "tasklist")).isFalse();
        } finally {
            identity.deleteUser("ingo");
        }
    }

    @Test
    void tasklistFiltersShowWhichInvoiceEachTaskIsAbout() {
        Object variables = filters.createFilterQuery().filterName("Tâches de mes groupes").singleResult()
                .getProperties().get("variables");
        assertThat(variables.toString()).contains("invoiceNumber", "customerName", "outstandingAmount");
    }

    @Test
    void anInstallationOfBeforeGetsItsEnglishFiltersRenamedAndEachGroupReadsOnlyItsOwn() {
        // as before: "My tasks", and every staff group reading every filter
        org.camunda.bpm.engine.filter.Filter mine = filters.createFilterQuery().filterName("Mes tâches").singleResult();
        filters.saveFilter(mine.setName("My tasks"));
        var readsAll = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        readsAll.setGroupId(RecouvraGroups.COLLECTORS);
        readsAll.setResource(Resources.FILTER);
        readsAll.setResourceId("*");
        readsAll.addPermission(Permissions.READ);
        authorizations.saveAuthorization(readsAll);

        accessSetup.setUp();

        assertThat(filters.createFilterQuery().filterName("My tasks").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("Mes tâches").singleResult().getId()).as("same filter, renamed")
                .isEqualTo(mine.getId());
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(RecouvraGroups.COLLECTORS).resourceType(Resources.FILTER)
                .resourceId("*").count()).isZero();
    }

    @Test
    void aSecondStartChangesNoRightsAndNoFilters() {
        long rights = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();

        accessSetup.setUp();

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(rights);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    }

    @Test
    void withoutAPasswordTheAdminAccountGetsAGeneratedOnePrintedOnce(CapturedOutput output) {
        var firstStart = new AccessSetup(identity, authorizations, filters, tasks, "firstadmin", "", "https://recouvra.example");
        try {
            firstStart.setUp();
            String printed = output.getOut().lines().filter(line -> line.contains("password:"))
                    .map(line -> line.substring(line.indexOf("password:") + 9).trim()).reduce((a, b) -> b).orElseThrow();
            assertThat(output.getOut()).contains("https://recouvra.example/camunda/app/");
            assertThat(printed).hasSizeGreaterThanOrEqualTo(20);
            assertThat(identity.checkPassword("firstadmin", printed)).isTrue();
            assertThat(identity.createGroupQuery().groupMember("firstadmin").list()).extracting(g -> g.getId())
                    .containsExactlyInAnyOrder(RecouvraGroups.ADMINS, "camunda-admin");

            int printedBefore = output.getOut().split("password:", -1).length;
            firstStart.setUp();
            assertThat(output.getOut().split("password:", -1).length).as("printed once").isEqualTo(printedBefore);
        } finally {
            identity.deleteUser("firstadmin");
        }
    }

    @Test
    void anAdministratorSeesEverything() {
        ResponseEntity<JsonNode[]> visible = api.asAdmin().getForEntity("/engine-rest/task", JsonNode[].class);
        assertThat(visible.getBody()).extracting(t -> t.get("id").asText())
                .contains(collectorsTask.getId(), legalTask.getId());
    }

    @Test
    void onlyManagersAndAdminsMayOpenCockpit() {
        assertThat(mayOpen("marc", RecouvraGroups.MANAGERS, "cockpit")).isTrue();
        assertThat(mayOpen("admin", RecouvraGroups.ADMINS, "cockpit")).isTrue();
        assertThat(mayOpen("colette", RecouvraGroups.COLLECTORS, "cockpit")).isFalse();
        assertThat(mayOpen("colette", RecouvraGroups.COLLECTORS, "tasklist")).isTrue();
        for (String group : RecouvraGroups.STAFF) {
            assertThat(mayOpen("someone", group, "tasklist")).as(group + " opens Tasklist").isTrue();
        }
    }

    @Test
    void browsersGetTasklistNotTheFirstAdministratorSetup() throws Exception {
        // The webapps send browsers to "create the first admin" until some user is in camunda-admin.
        HttpResponse<String> tasklist = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.anonymous().getRootUri() + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theWebappsFirstUserSetupIsClosed() {
        var response = api.anonymous().postForEntity("/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    private boolean mayOpen(String user, String group, String application) {
        return authorizations.isUserAuthorized(user, List.of(group), Permissions.ACCESS,
                Resources.APPLICATION, application);
    }

    private void user(String id, String group) {
        StaffFixtures.user(identity, id, group);
    }

    private Task task(String name, String group) {
        return StaffFixtures.task(tasks, name, group);
    }
}

package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A HEAD passes the rules of a GET; history is read with the rights on what it is the history of; security headers. */
@RecouvraTest
class HeadAndHistoryAccessTest {

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    Task collectorsTask;
    Task legalTask;

    @BeforeEach
    void usersAndTwoStandaloneTasks() {
        user("chloe", RecouvraGroups.COLLECTORS);
        user("ivan", RecouvraGroups.INTEGRATORS);
        collectorsTask = task("Rappeler le client", RecouvraGroups.COLLECTORS);
        legalTask = task("Préparer le dossier", RecouvraGroups.LEGAL);
        tasks.setVariable(legalTask.getId(), "counselNote", "settle at 60 %");
    }

    @AfterEach
    void cleanUp() {
        tasks.deleteTask(collectorsTask.getId(), true);
        tasks.deleteTask(legalTask.getId(), true);
        identity.deleteUser("chloe");
        identity.deleteUser("ivan");
    }

    @Test
    void aHeadRequestPassesExactlyTheRulesOfAGet() {
        var integrator = api.as("ivan", "secret-ivan");
        // write-offs are the accountant's figures: an integrator may not GET them, so not HEAD them either
        assertThat(integrator.getForEntity("/api/v1/write-offs.csv?from=2026-11-01&to=2026-11-30", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(head(integrator, "/api/v1/write-offs.csv?from=2026-11-01&to=2026-11-30")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(head(integrator, "/api/v1/provisions/2026-11")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(head(integrator, "/api/v1/legal-cases/F-1")).isEqualTo(HttpStatus.FORBIDDEN);
        // and where a GET may, so may a HEAD
        assertThat(head(api.as("chloe", "secret-chloe"), "/api/v1/invoices")).isEqualTo(HttpStatus.OK);
        assertThat(head(api.asAdmin(), "/api/v1/write-offs.csv?from=2026-11-01&to=2026-11-30")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theHistoryOfAStandaloneTaskIsReadOnlyByThoseWhoMayReadTheTask() {
        var collector = api.as("chloe", "secret-chloe");
        JsonNode history = collector.getForObject("/engine-rest/history/task", JsonNode.class);
        assertThat(history.findValuesAsText("id")).contains(collectorsTask.getId()).doesNotContain(legalTask.getId());

        JsonNode variables = collector.getForObject("/engine-rest/history/variable-instance?variableName=counselNote", JsonNode.class);
        assertThat(variables).isEmpty();
        JsonNode details = collector.getForObject("/engine-rest/history/detail?variableInstanceId=&taskId=" + legalTask.getId(), JsonNode.class);
        assertThat(details).isEmpty();

        JsonNode asAdmin = api.asAdmin().getForObject("/engine-rest/history/variable-instance?variableName=counselNote", JsonNode.class);
        assertThat(asAdmin.findValuesAsText("value")).containsExactly("settle at 60 %");
    }

    @Test
    void everyDoorSendsReferrerAndPermissionsPolicies() {
        HttpHeaders api = this.api.as("chloe", "secret-chloe").getForEntity("/api/v1/invoices", String.class).getHeaders();
        assertThat(api.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(api.getFirst("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);

        HttpHeaders webapp = this.api.anonymous().getForEntity("/camunda/app/welcome/default/", String.class).getHeaders();
        assertThat(webapp.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(webapp.getFirst("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
    }

    private static HttpStatus head(org.springframework.boot.test.web.client.TestRestTemplate as, String path) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(org.springframework.http.MediaType.ALL));
        ResponseEntity<Void> response = as.exchange(path, HttpMethod.HEAD, new HttpEntity<>(headers), Void.class);
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private void user(String id, String group) {
        StaffFixtures.user(identity, id, group);
    }

    private Task task(String name, String group) {
        return StaffFixtures.task(tasks, name, group);
    }
}

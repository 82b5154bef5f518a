package io.recouvra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody is surprised by a missing half-year rate: the admins are asked for it in Tasklist from 30 days
 * before the half-year, once, and health warns while the current half-year has none. Runs in 2043, whose
 * rates no other test records; each test removes the rows it made.
 */
@RecouvraTest
class LatePaymentRateRequestTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    LatePaymentRateRequests requests;
    @Autowired
    LatePaymentRates rates;
    @Autowired
    LatePaymentRateHealth health;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identity.clearAuthentication();
        runtime.createProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
        history.createHistoricProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY).list()
                .forEach(instance -> history.deleteHistoricProcessInstance(instance.getId()));
        jdbc.update("delete from recouvra.late_payment_rate where extract(year from half_year_start) = 2043");
    }

    @Test
    void theAdminsAreAskedOnceFromThirtyDaysBeforeTheHalfYearAndTheirAnswerIsRecordedLikeThePut() {
        rates.record(LocalDate.parse("2043-01-01"), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");

        on(2043, 5, 31);
        assertThat(requests.raiseDue()).as("31 days before 1 July: not yet").isEmpty();

        on(2043, 6, 1);
        assertThat(requests.raiseDue()).containsExactly(LocalDate.parse("2043-07-01"));
        on(2043, 6, 2);
        assertThat(requests.raiseDue()).as("never twice for one half-year").isEmpty();

        ProcessInstance request = request("2043-07-01");
        assertThat(request).isWaitingAt("Task_RecordLatePaymentRates");
        Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("admins").singleResult();
        assertThat(task.getName()).isEqualTo("Saisir les taux de pénalités de retard du 2d semestre 2043");
        assertThat(runtime.getVariable(request.getId(), LatePaymentRateRequestContract.HALF_YEAR_NAME)).isEqualTo("2d semestre 2043");
        assertThat(task.getDueDate()).isEqualTo(Date.from(LocalDate.parse("2043-07-01").atStartOfDay(ZoneId.systemDefault()).toInstant()));

        identity.setAuthentication("admin", List.of(RecouvraGroups.ADMINS));
        Map<String, Object> noLegalRate = new HashMap<>(Map.of("ecbMainRefinancingRate", 2.4, "source", "BCE ; arrêté"));
        assertThatThrownBy(() -> tasks.complete(task.getId(), noLegalRate)).hasMessageContaining("legalInterestRate");
        assertThat(rates.find(LocalDate.parse("2043-07-01"))).as("nothing stored half-way").isEmpty();

        tasks.complete(task.getId(), Map.of("ecbMainRefinancingRate", 2.4, "legalInterestRate", 3.1,
                "source", "BCE, communiqué du 5 juin 2043 ; arrêté du 20 juin 2043"));

        assertThat(request).isEnded().hasPassed("EndEvent_RatesRecorded");
        HalfYearRate recorded = rates.find(LocalDate.parse("2043-07-01")).orElseThrow();
        assertThat(recorded.ecbRate()).isEqualByComparingTo("2.4");
        assertThat(recorded.legalRate()).isEqualByComparingTo("3.1");
        assertThat(recorded.statutoryRate()).isEqualByComparingTo("12.4");
        assertThat(recorded.recordedBy()).isEqualTo("admin");
        on(2043, 6, 3);
        assertThat(requests.raiseDue()).isEmpty();
    }

    @Test
    void noRequestForAHalfYearAlreadyRecordedAndTheCurrentOneIsAskedForWhileMissing() {
        rates.record(LocalDate.parse("2043-07-01"), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");

        on(2043, 6, 15);

        assertThat(requests.raiseDue()).as("the current half-year has none; the coming one is recorded")
                .containsExactly(LocalDate.parse("2043-01-01"));
    }

    @Test
    void ratesRecordedThroughTheApiEndTheOpenRequest() {
        on(2043, 6, 10);
        rates.record(LocalDate.parse("2043-01-01"), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");
        requests.raiseDue();
        ProcessInstance request = request("2043-07-01");

        ResponseEntity<JsonNode> put = api.asAdmin().exchange("/api/v1/late-payment-rates/2043-07-01", HttpMethod.PUT,
                new HttpEntity<>(Map.of("ecbMainRefinancingRate", "2.40", "legalInterestRate", "3.10", "source", "x")),
                JsonNode.class);

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(request).isEnded().hasPassed("EndEvent_NoLongerNeeded");
    }

    @Test
    void healthWarnsWithoutGoingDownWhileTheCurrentHalfYearHasNoRates() {
        on(2043, 3, 1);

        assertThat(health.health().getStatus()).isEqualTo(new Status("WARNING"));
        assertThat(health.health().getDetails()).containsEntry("missing", "2043-01-01")
                .containsEntry("fill", "PUT /api/v1/late-payment-rates/2043-01-01 or the admins' Tasklist task");
        ResponseEntity<JsonNode> endpoint = api.anonymous().getForEntity("/actuator/health", JsonNode.class);
        assertThat(endpoint.getStatusCode()).as("a warning, not an outage").isEqualTo(HttpStatus.OK);
        assertThat(endpoint.getBody().get("status").asText()).isEqualTo("WARNING");

        rates.record(LocalDate.parse("2043-01-01"), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private ProcessInstance request(String halfYear) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY)
                .processInstanceBusinessKey(halfYear).singleResult();
    }

    private static void on(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(10, 0).atZone(PARIS).toInstant()));
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DisputeMediation's numbers, moved from the model into DisputePolicy: what the table gives, what a new
 * dispute keeps, and what a dispute begun before the table (no {@code contestDays}) still waits.
 */
@RecouvraTest
class DisputeNumbersTest {

    /** A Monday: five business days later is Monday 30 November, so the review is late from 1 December. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    DecisionService decisions;
    @Autowired
    CollectionCalendar calendar;

    private final List<ProcessInstance> started = new ArrayList<>();

    @BeforeEach
    void today() {
        BpmnAwareTests.init(engine);
        EngineClock.moveTo(TODAY);
    }

    /** These instances wait on timers other tests' clocks would reach: none is left behind. */
    @AfterEach
    void cleanUp() {
        started.stream().filter(instance -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0)
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true));
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PRICE", "QUANTITY", "QUALITY", "DELIVERY", "ALREADY_PAID", "NOT_ORDERED", "OTHER"})
    void disputePolicyGivesWhatDisputeMediationHadWrittenInForEveryReason(String reason) {
        assertThat(Disputes.REASONS).contains(reason);

        Map<String, Object> terms = decisions.evaluateDecisionTableByKey(DisputePolicy.DECISION_KEY,
                Variables.createVariables().putValue("disputeReason", reason)).getSingleResult().getEntryMap();

        assertThat(terms).containsEntry("reviewBusinessDays", 5).containsEntry("contestDays", 10);
    }

    @Test
    void aNewDisputeKeepsItsTermsAndIsReviewedWithinFiveBusinessDays() {
        ProcessInstance dispute = started(runtime.startProcessInstanceByKey(DisputeMediationContract.PROCESS_KEY,
                TestData.invoiceNumber(), Map.of("disputeId", "d-1", "disputeReason", "PRICE", "customerName", "Garage")));

        assertThat(dispute).isWaitingAt("Task_ReviewDispute");
        assertThat(runtime.getVariables(dispute.getId())).containsEntry("reviewBusinessDays", 5).containsEntry("contestDays", 10)
                .containsEntry("reviewDueAt", startOf(LocalDate.of(2026, 12, 1)));
        assertThat(tasks.createTaskQuery().processInstanceId(dispute.getId()).singleResult().getDueDate())
                .isEqualTo(startOf(LocalDate.of(2026, 12, 1)));
        assertThat(dueDateOf(dispute)).as("Review late").isEqualTo(startOf(LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aRejectionWaitsTheContestDaysTheDisputeWasGiven() {
        assertThat(dueDateOf(rejected(Map.of("contestDays", 10)))).isEqualTo(inDays(10));
        assertThat(dueDateOf(rejected(Map.of("contestDays", 4)))).isEqualTo(inDays(4));
    }

    @Test
    void aRejectionOfADisputeRaisedBeforeTheTableWaitsTheTenDaysOfItsModel() {
        ProcessInstance raisedBefore = rejected(Map.of());

        assertThat(raisedBefore).isWaitingAt("Gateway_Contested");
        assertThat(dueDateOf(raisedBefore)).isEqualTo(inDays(10));
    }

    // ---- helpers

    /** Rejected and explained: waiting for the debtor to contest, or for the days to contest to pass. */
    private ProcessInstance rejected(Map<String, Object> variables) {
        return started(runtime.createProcessInstanceByKey(DisputeMediationContract.PROCESS_KEY).businessKey(TestData.invoiceNumber())
                .setVariables(new HashMap<>(variables)).startBeforeActivity("Gateway_Contested").execute());
    }

    private ProcessInstance started(ProcessInstance instance) {
        started.add(instance);
        return instance;
    }

    private Date dueDateOf(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer).as("a timer of %s", instance.getId()).isNotNull();
        return timer.getDuedate();
    }

    private Date startOf(LocalDate day) {
        return calendar.startOfDay(day.toString());
    }

    private static Date inDays(int days) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(days * 86_400L));
    }
}

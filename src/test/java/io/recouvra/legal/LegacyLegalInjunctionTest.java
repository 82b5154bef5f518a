package io.recouvra.legal;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.support.RecouvraTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case started on the version of legal-injunction.bpmn that still asked for the enforceable formula
 * (kept as a test resource under another process id, so that it does not become the latest version)
 * runs to its end on that version with today's code: old instances stay on their version, and the
 * listeners their steps call still exist.
 */
@RecouvraTest
class LegacyLegalInjunctionTest {

    private static final String LEGACY_KEY = "LegalInjunctionBefore2026";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    LegalCases cases;
    @Autowired
    LegalCaseFixtures fixtures;

    @BeforeEach
    void theOldVersionIsDeployed() {
        BpmnAwareTests.init(engine);
        repository.createDeployment().name(LEGACY_KEY).enableDuplicateFiltering(true)
                .addClasspathResource("legacy/legal-injunction-before-2026-12.bpmn")
                .addClasspathResource("legacy/request-enforceable-formula.form").deploy();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseOnTheOldVersionIsServedWithoutAModeAndItsFormulaStepCanStillBeCompleted() {
        moveTo(LocalDate.of(2026, 4, 15));
        UUID debtor = fixtures.debtor("Lyon", "69002");
        String number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "10000.00");
        ProcessInstance old = runtime.startProcessInstanceByKey(LEGACY_KEY, number, Map.of("invoiceNumber", number));
        fixtures.runJobs(old);
        fixtures.complete(old, "Task_ReviewInjunction", Map.of("reviewDecision", "APPROVE"));
        fixtures.complete(old, "Task_FileRequest", Map.of("filedOn", "2026-04-15", "courtReference", "2026R00099"));
        moveTo(LocalDate.of(2026, 5, 6));
        fixtures.complete(old, "Task_RecordDecision", Map.of("courtDecision", "GRANTED", "orderDate", "2026-05-05"));
        moveTo(LocalDate.of(2026, 5, 19));

        // its form does not ask how the order was served: one month, as that version promised
        fixtures.complete(old, "Task_ServeOrder", Map.of("servedOn", "2026-05-19"));
        assertThat(cases.current(number).oppositionWindowEnds()).isEqualTo(LocalDate.of(2026, 6, 19));
        moveTo(LocalDate.of(2026, 6, 20));
        fixtures.runJobs(old);
        assertThat(old).isWaitingAt("Task_RequestFormula");

        fixtures.complete(old, "Task_RequestFormula", Map.of("formulaAffixedOn", "2026-05-05"));

        assertThat(old).isWaitingAt("Task_InstructEnforcement");
        assertThat(cases.current(number).formulaAffixedOn()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(cases.current(number).stage()).isEqualTo(LegalCase.Stage.ENFORCEABLE);
    }
}

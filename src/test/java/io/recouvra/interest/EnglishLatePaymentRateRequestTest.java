package io.recouvra.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An English-speaking team's admins are asked for the half-year's rates in English, the half-year included (the French
 * team's task is in {@link LatePaymentRateRequestTest}). The model's name is deployed in English, so this runs on the
 * English team's application: the same configuration as engine.EnglishTeamTest, so that one context serves both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=english", "recouvra.forms.language=en"})
@ActiveProfiles("test")
class EnglishLatePaymentRateRequestTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    LatePaymentRateRequests requests;
    @Autowired
    LatePaymentRates rates;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
        history.createHistoricProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY).list()
                .forEach(instance -> history.deleteHistoricProcessInstance(instance.getId()));
        jdbc.update("delete from recouvra.late_payment_rate where extract(year from half_year_start) = 2043");
    }

    @Test
    void theTaskNamesTheHalfYearInEnglish() {
        // the first half-year recorded: from 1 June, the second is asked for
        rates.record(LocalDate.parse("2043-01-01"), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2043, 6, 1).atTime(10, 0).atZone(PARIS).toInstant()));

        assertThat(requests.raiseDue()).containsExactly(LocalDate.parse("2043-07-01"));

        ProcessInstance request = runtime.createProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY)
                .processInstanceBusinessKey("2043-07-01").singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("admins").singleResult();
        assertThat(task.getName()).isEqualTo("Enter the late-payment rates: second half of 2043");
        assertThat(runtime.getVariable(request.getId(), LatePaymentRateRequestContract.HALF_YEAR_NAME))
                .as("what the English form shows: Late-payment rates of the second half of 2043").isEqualTo("second half of 2043");
    }
}

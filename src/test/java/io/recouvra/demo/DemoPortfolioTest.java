package io.recouvra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Its own application context and so its own empty database: the demo loads only into an empty ledger.
 * Its engine gets its own name, because Camunda keeps engines in a JVM-wide registry by name and the
 * engine REST API of the shared test context must keep finding its own "default" engine.
 */
@SpringBootTest(properties = {"recouvra.demo=true", "camunda.bpm.process-engine-name=demo"})
@ActiveProfiles("test")
class DemoPortfolioTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    DemoPortfolio demo;

    @Test
    void aFirstStartWithDemoOnLoadsASamplePortfolioWithRunningCases() {
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer", Integer.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice", Integer.class)).isEqualTo(36);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where status = 'PARTIALLY_PAID'",
                Integer.class)).isPositive();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").count()).isEqualTo(36);

        // the job executor would assess the customers and fire the timers already past due; here we do it by hand
        for (int round = 0; round < 10; round++) {
            for (Job due : management.createJobQuery().executable().list()) {
                management.executeJob(due.getId());
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where kind = 'REMINDER_1'", Integer.class))
                .as("the overdue invoices had their first reminder").isPositive();
        List<Task> calls = tasks.createTaskQuery().processDefinitionKey("CollectorCall").taskCandidateGroup("collectors").list();
        assertThat(calls).as("key accounts and risky customers are called after the first reminder").hasSizeGreaterThanOrEqualTo(2);
        assertThat(calls.stream().map(call -> tasks.getVariable(call.getId(), "customerId")).distinct().count())
                .as("one call per customer").isEqualTo(calls.size());

        demo.loadOnFirstStart();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer", Integer.class))
                .as("a second start loads nothing").isEqualTo(12);
    }
}

package io.recouvra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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

        // the job executor would fire the timers of the invoices already past due; here we do it by hand
        for (Job due : management.createJobQuery().timers().duedateLowerThan(new Date()).list()) {
            management.executeJob(due.getId());
        }
        assertThat(tasks.createTaskQuery().taskCandidateGroup("collectors").count()).isPositive();

        demo.loadOnFirstStart();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer", Integer.class))
                .as("a second start loads nothing").isEqualTo(12);
    }
}

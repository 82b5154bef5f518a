package io.recouvra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer", Integer.class)).isEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice", Integer.class)).isEqualTo(37);
        // the German customer's intra-EU invoice: 1,200.00 due, all of it price, no VAT (CGI art. 262 ter)
        assertThat(jdbc.queryForMap("""
                select i.amount, i.amount_excl_vat, i.vat, i.vat_derived from recouvra.invoice i
                join recouvra.customer c on c.id = i.customer_id where c.country = 'DE'"""))
                .containsEntry("amount", new BigDecimal("1200.00")).containsEntry("amount_excl_vat", new BigDecimal("1200.00"))
                .containsEntry("vat", new BigDecimal("0.00")).containsEntry("vat_derived", false);
        // the bookshop's books at 5.5 %: VAT = amount excl. VAT x 5.5 / 100, to the cent, on each of its three invoices
        assertThat(jdbc.queryForObject("""
                select count(*) from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where c.legal_name = 'Librairie Mercier' and i.vat = round(i.amount_excl_vat * 5.5 / 100, 2)""", Integer.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where vat_derived", Integer.class))
                .as("the demo knows every invoice's VAT").isZero();
        // the invoices due in 45 days (one of each odd-numbered customer's three) carry a 2 % discount for 15 days
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where discount_rate = 2.00"
                + " and discount_until = issue_date + 15", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where status = 'PARTIALLY_PAID'",
                Integer.class)).isPositive();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").count()).isEqualTo(37);

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
                .as("a second start loads nothing").isEqualTo(13);
    }
}

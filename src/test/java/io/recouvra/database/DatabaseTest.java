package io.recouvra.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.List;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

@RecouvraTest
class DatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
    }

    @Test
    void jobAcquisitionHasItsIndexes() {
        List<String> indexed = jdbc.queryForList("""
                select a.attname from pg_index i
                join pg_class t on t.oid = i.indrelid
                join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
                where t.relname = 'act_ru_job' and i.indnatts = 1""", String.class);
        assertThat(indexed).contains("duedate_", "lock_exp_time_");
    }

    @Test
    void theLedgerLivesInItsOwnSchemaAndTheEngineInPublic() {
        assertThat(tablesIn("recouvra")).contains("customer", "contact", "invoice", "payment", "payment_allocation",
                "credit_note", "outbox_message", "interaction", "flyway_schema_history");
        assertThat(tablesIn("public")).contains("act_ru_job", "act_ru_execution", "act_hi_procinst", "act_id_user")
                .noneMatch(table -> table.equals("invoice"));
    }

    @Test
    void theEngineIsBuiltAfterTheMigrations(@Autowired ConfigurableListableBeanFactory beans) {
        String engine = beans.getBeanNamesForType(ProcessEngineFactoryBean.class)[0];
        assertThat(beans.getBeanDefinition(BeanFactoryUtils.transformedBeanName(engine)).getDependsOn())
                .contains("flywayInitializer");
    }

    @Test
    void flywayAppliedEveryMigration() {
        assertThat(jdbc.queryForList("select version from recouvra.flyway_schema_history where success and version is not null order by installed_rank",
                String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "22", "23", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "47", "49", "50", "51", "52", "56", "57", "58", "61");
    }

    private List<String> tablesIn(String schema) {
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?", String.class, schema);
    }
}

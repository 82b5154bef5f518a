package io.recouvra.database;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks for scheduled work that must run on one node only, however many nodes share the database
 * (table {@code scheduler_lock}, times taken from the database so that the nodes' clocks need not agree).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerLocks {

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("recouvra.scheduler_lock")
                .usingDbTime()
                .build());
    }
}

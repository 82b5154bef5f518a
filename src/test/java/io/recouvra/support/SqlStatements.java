package io.recouvra.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application sends to PostgreSQL (datasource-proxy in front of the one
 * datasource), as PostgreSQL's pg_stat_statements counts them: each execution of a batch counts once, so
 * 15 variables inserted in one JDBC batch are 15 statements. Only the statements of the threads a test
 * names are kept (the web server's request threads, say), so that a scheduled job running meanwhile
 * never changes a count. Part of every {@link RecouvraTest} context; it records nothing until
 * {@link #record} is called.
 */
@Component
public class SqlStatements implements BeanPostProcessor {

    private final List<String> recorded = new ArrayList<>();
    private volatile Predicate<Thread> threads;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Recorder()).build();
        }
        return bean;
    }

    /** Starts recording afresh the statements run by the threads {@code threads} accepts. */
    public synchronized void record(Predicate<Thread> threads) {
        recorded.clear();
        this.threads = threads;
    }

    /** Stops recording; the statements recorded since {@link #record}, in the order they ran. */
    public synchronized List<String> stop() {
        threads = null;
        return List.copyOf(recorded);
    }

    /** The web server's threads, which run every HTTP request of a test. */
    public static boolean requestThread(Thread thread) {
        return thread.getName().startsWith("http-nio-");
    }

    /** How many times each statement ran, for a failure message a person can act on. */
    public static Map<String, Long> byStatement(List<String> statements) {
        Map<String, Long> counts = new TreeMap<>();
        statements.forEach(sql -> counts.merge(sql, 1L, Long::sum));
        return counts;
    }

    private synchronized void add(String sql, int times) {
        for (int i = 0; i < times; i++) {
            recorded.add(sql);
        }
    }

    private class Recorder implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            Predicate<Thread> accepted = threads;
            if (accepted == null || !accepted.test(Thread.currentThread())) {
                return;
            }
            for (QueryInfo query : queries) {
                String sql = query.getQuery().replaceAll("\\s+", " ").trim();
                // a prepared statement's batch is one query with a parameter list per execution
                add(sql, execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1);
            }
        }
    }
}

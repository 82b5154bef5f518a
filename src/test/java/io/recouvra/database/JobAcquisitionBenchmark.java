package io.recouvra.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (surefire does not pick it up; it asserts nothing and prints figures):
 * the job executor's acquisition query on a million waiting timers, before and after the V2 indexes.
 *
 * <pre>./mvnw test -Dtest=JobAcquisitionBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The SQL is the engine's {@code selectNextJobsToExecute} (Job.xml, Camunda 7.24) as the PostgreSQL
 * dialect renders it, with and without {@code ensureJobDueDateNotNull} (which drops "DUEDATE_ is null or").
 */
class JobAcquisitionBenchmark {

    private static final int WAITING_TIMERS = 1_000_000;
    private static final int RUNS = 25;

    private static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            from public.ACT_RU_JOB RES
            where (RES.RETRIES_ > 0)
              and (%s RES.DUEDATE_ <= ?)
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?)
              and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true and not exists(
                      select J2.ID_ from public.ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                        and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?)))
                   or RES.EXCLUSIVE_ = false)
            %s
            LIMIT 12""";

    @Test
    void acquisitionOnAMillionWaitingTimers() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresEnvironment.builder(null, 0).start()) {
            DataSource db = postgres.getPostgresDatabase();
            flyway(db, "1").migrate();
            fill(db);
            System.out.printf("%nJob acquisition, %,d waiting timers, none due, LIMIT 12 (median of %d runs)%n",
                    WAITING_TIMERS, RUNS);
            report(db, "without V2 indexes");
            flyway(db, "2").migrate();
            analyze(db);
            report(db, "with V2 indexes   ");
        }
    }

    private static void report(DataSource db, String label) throws Exception {
        for (boolean acquireByDueDate : new boolean[] {false, true}) {
            for (boolean alwaysSetDueDate : new boolean[] {false, true}) {
                String sql = ACQUISITION.formatted(alwaysSetDueDate ? "" : "RES.DUEDATE_ is null or",
                        acquireByDueDate ? "order by RES.DUEDATE_ asc" : "");
                System.out.printf("  %s  acquire-by-due-date=%-5s ensure-due-date-not-null=%-5s  %8.2f ms  %s%n",
                        label, acquireByDueDate, alwaysSetDueDate, medianMillis(db, sql), plan(db, sql));
            }
        }
    }

    private static double medianMillis(DataSource db, String sql) throws Exception {
        double[] times = new double[RUNS];
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(Instant.now());
            query.setTimestamp(1, now);
            query.setTimestamp(2, now);
            query.setTimestamp(3, now);
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
                times[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    /** The outermost scan nodes of the plan, to see whether an index is used. */
    private static String plan(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("explain " + sql.replace("?", "now()"))) {
            StringBuilder scans = new StringBuilder();
            while (rows.next()) {
                String line = rows.getString(1).trim();
                if (line.contains("Scan") && line.matches(".*\\bres\\b.*")) {
                    scans.append(line.replaceAll("^->\\s*", "").replaceAll("\\s+\\(cost.*", "")).append("; ");
                }
            }
            return scans.toString();
        }
    }

    private static void fill(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // Waiting intermediate timers of InvoiceCollection: due over the next 90 days, none due now.
            s.execute("""
                    insert into public.act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_,
                        process_def_id_, process_def_key_, retries_, duedate_, handler_type_, handler_cfg_,
                        suspension_state_, priority_, sequence_counter_, create_time_)
                    select 'job-' || g, 1, 'timer', true, 'exec-' || g, 'pi-' || g, 'InvoiceCollection:1',
                        'InvoiceCollection', 3, now() + ((g %% 90) + 1) * interval '1 day', 'timer-intermediate-transition',
                        '{"activityId":"Timer_InvoiceOverdue"}', 1, 0, 1, now()
                    from generate_series(1, %d) g""".formatted(WAITING_TIMERS));
        }
        analyze(db);
    }

    private static void analyze(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze public.act_ru_job");
        }
    }

    private static Flyway flyway(DataSource db, String target) {
        return Flyway.configure().dataSource(db).schemas("recouvra").defaultSchema("recouvra")
                .locations("classpath:db/migration", "classpath:io/recouvra/database/migration")
                .target(target).load();
    }
}

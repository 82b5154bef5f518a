package io.recouvra.scoring;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.RowCopies;
import io.recouvra.support.SqlStatements;
import io.recouvra.support.TestData;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures, never asserts them): the application with
 * a million open invoices of 10,000 customers, each with the timer its collection waits on in ACT_RU_JOB, due in the
 * coming days. One invoice is registered and its collection run up to its first timer the ordinary way; the ledger
 * and the timers are copies of those rows ({@link RowCopies}). It then measures, each with the heap it used:
 * <ol>
 *   <li>the job executor's idle poll: the engine's own acquisition command ({@code AcquireJobsCmd}, a transaction and
 *   the acquire-jobs query, as the acquisition thread runs it) timed many times, and the query's plan;</li>
 *   <li>the nightly re-scoring of every customer (time, SQL statements);</li>
 *   <li>the provisions report of last month, CSV and JSON, over HTTP, read as a client reads it; closing that month
 *   (its million lines stored); the running month's report with its movements since, and the closed month's.</li>
 * </ol>
 * Run it alone, holding the lock of the million-row benchmarks, with the heap the application is held to, and
 * the GC log beside it:
 *
 * <pre>flock /tmp/bench1m.lock ./mvnw test -Dtest=MillionOpenInvoicesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Xmx1g -Xlog:gc:file=target/million-gc.log"</pre>
 */
@RecouvraTest
class MillionOpenInvoicesBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int INVOICES = 1_000_000;
    private static final int POLLS = 2_000;

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    NightlyRescoring nightly;
    @Autowired
    SqlStatements statements;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMillionOpenInvoicesWithTheirTimers() throws Exception {
        System.out.printf("%nmax heap %d MiB, %d processors; load average before: %s", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        LocalDate today = LocalDate.now();
        String modelJob = ledger(today);
        jdbc.execute("vacuum analyze recouvra.customer");
        jdbc.execute("vacuum analyze recouvra.invoice");
        jdbc.execute("vacuum analyze public.act_ru_job");
        System.out.printf("invoices by status: %s%n", jdbc.queryForList(
                "select status, count(*) from recouvra.invoice group by status order by status"));
        System.out.printf("ACT_RU_JOB: %s; due now: %s; model timer %s%n",
                jdbc.queryForObject("select count(*) from public.act_ru_job", Long.class),
                jdbc.queryForObject("select count(*) from public.act_ru_job where duedate_ <= now()", Long.class), modelJob);
        System.out.printf("load average after building the ledger: %s", loadAverage());

        measure("idle job acquisition, " + POLLS + " polls", this::idlePolls);
        measure("nightly re-scoring", this::rescoring);
        String month = YearMonth.from(today).minusMonths(1).toString();
        measure("provisions report " + month + ", CSV over HTTP", () -> download("/api/v1/provisions/" + month + ".csv"));
        measure("provisions report " + month + ", CSV over HTTP (second run)", () -> download("/api/v1/provisions/" + month + ".csv"));
        measure("provisions report " + month + ", JSON over HTTP", () -> download("/api/v1/provisions/" + month));
        measure("closing " + month + " (its lines stored), JSON answer over HTTP", () -> download(HttpMethod.POST, "/api/v1/provisions/" + month));
        String running = YearMonth.from(today).toString();
        measure("provisions report " + running + " with its movements since " + month + ", CSV over HTTP",
                () -> download("/api/v1/provisions/" + running + ".csv"));
        measure("provisions report " + month + " as closed, CSV over HTTP", () -> download("/api/v1/provisions/" + month + ".csv"));
        System.out.printf("load average at the end: %s", loadAverage());
    }

    /**
     * One customer and one invoice registered as the API does, its collection run to its first waiting timer; then
     * 10,000 customers, a million open invoices and their timers copied from them. Returns the model timer.
     */
    private String ledger(LocalDate today) {
        var customer = customers.register(new NewCustomer("Million Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of()));
        String number = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer.getId(), null, today.minusDays(10),
                today.plusDays(50), new BigDecimal("120.00"), "EUR")).getNumber();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        jobs.runDue(instance);
        Map<String, Object> timer = jdbc.queryForMap("""
                select id_, handler_type_, handler_cfg_, duedate_ from public.act_ru_job
                where process_instance_id_ = ? and type_ = 'timer' order by duedate_ limit 1""", instance.getId());

        long start = System.nanoTime();
        RowCopies.copy(jdbc, "recouvra", "customer", "id = ?", customer.getId(), CUSTOMERS, Map.of("id", "md5('mil-c' || g)::uuid",
                "registration_number", "'M' || g", "legal_name", "'Million customer ' || g"));
        // g in registration order: due dates from 400 days ago to 30 days ahead, every one still owed
        String due = "current_date - 400 + (g::bigint * 430 / " + INVOICES + ")::int";
        RowCopies.copy(jdbc, "recouvra", "invoice", "number = ?", number, INVOICES, Map.of("id", "md5('mil-i' || g)::uuid",
                "number", "'MIL-' || g", "customer_id", "md5('mil-c' || (1 + g % " + CUSTOMERS + "))::uuid",
                "issue_date", "(" + due + ") - 30", "due_date", due,
                "status", "case when g % 97 = 0 then 'IN_COURT' when g % 70 = 0 then 'WITH_AGENCY' when g % 50 = 0 then 'DISPUTED' "
                        + "when g % 7 = 0 then 'PARTIALLY_PAID' else 'OPEN' end",
                "outstanding", "case when g % 7 = 0 then outstanding / 2 else outstanding end"));
        System.out.printf("ledger copied in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        // each invoice's collection waits on its timer, as the engine lays it out, due in the next 90 days
        RowCopies.copy(jdbc, "public", "act_ru_job", "id_ = ?", timer.get("id_"), INVOICES, Map.of("id_", "'mil-job-' || g",
                "execution_id_", "'mil-x-' || g", "process_instance_id_", "'mil-pi-' || g", "root_proc_inst_id_", "'mil-pi-' || g",
                "duedate_", "now() + (1 + g % 90) * interval '1 day' + (g % 86400) * interval '1 second'"));
        System.out.printf("%,d timers copied in %,d ms (model: %s %s due %s)%n", INVOICES, (System.nanoTime() - start) / 1_000_000,
                timer.get("handler_type_"), timer.get("handler_cfg_"), timer.get("duedate_"));
        return timer.get("id_").toString();
    }

    private String idlePolls() throws Exception {
        JobExecutor executor = engine.getJobExecutor();
        // the tests' profile leaves the starter's 3; the application acquires 12 (RECOUVRA_JOBS_PER_ACQUISITION)
        executor.setMaxJobsPerAcquisition(12);
        statements.record(thread -> thread == Thread.currentThread());
        AcquiredJobs acquired = engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor));
        List<String> sql = statements.stop();
        String acquisition = sql.stream().filter(s -> s.contains("ACT_RU_JOB RES")).findFirst().orElseThrow();
        System.out.printf("one poll: %d statements, %d jobs acquired (%d per acquisition); the query:%n    %s%n", sql.size(),
                acquired.size(), executor.getMaxJobsPerAcquisition(), acquisition);
        for (int warm = 0; warm < 200; warm++) {
            engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor));
        }
        double[] millis = new double[POLLS];
        for (int poll = 0; poll < POLLS; poll++) {
            long start = System.nanoTime();
            engine.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor));
            millis[poll] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("idle poll (AcquireJobsCmd: transaction and query): median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                millis[POLLS / 2], millis[POLLS * 9 / 10], millis[POLLS * 99 / 100], millis[POLLS - 1]);
        // the engine binds now for the three ? of its conditions, then the page's limit and offset; SqlStatements put
        // the statement on one line, so the mapping's end-of-line comments ("-- also exclusive") must go
        String explained = acquisition.replaceAll("-- [a-z. ]*?(?= (and|or|\\)) )", "").replaceFirst("(?i)LIMIT \\? OFFSET \\?", "LIMIT 12 OFFSET 0").replace("?", "now()::timestamp");
        double[] planned = new double[20];
        for (int run = 0; run < planned.length; run++) {
            List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + explained, String.class);
            planned[run] = Double.parseDouble(plan.get(plan.size() - 1).replaceAll("[^0-9.]", ""));
            if (run == planned.length - 1) {
                plan.forEach(line -> System.out.println("    " + line));
            }
        }
        Arrays.sort(planned);
        return "execution time in the plan, median of %d: %.3f ms".formatted(planned.length, planned[planned.length / 2]);
    }

    private String rescoring() {
        statements.record(thread -> thread == Thread.currentThread());
        NightlyRescoring.Run run = nightly.run();
        List<String> sql = statements.stop();
        System.out.printf("statements by kind (top 12 of %d distinct):%n", SqlStatements.byStatement(sql).size());
        SqlStatements.byStatement(sql).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("    %,9d  %s%n", e.getValue(), e.getKey().length() > 140
                        ? e.getKey().substring(0, 140) + "…" : e.getKey()));
        return "%,d customers examined, %,d scored, %d failed in %s (%.0f customers/s); %,d statements, %.1f per customer scored"
                .formatted(run.examined(), run.scored(), run.failed(), run.took(), run.scored() / (run.took().toMillis() / 1000.0),
                        sql.size(), sql.size() / (double) Math.max(1, run.scored()));
    }

    /** Reads the answer as a client does, a buffer at a time, counting bytes and lines. */
    private String download(String path) {
        return download(HttpMethod.GET, path);
    }

    private String download(HttpMethod method, String path) {
        long[] counted = api.asAdmin().getRestTemplate().execute(path, method, null, response -> {
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.getBody()) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            return new long[] {response.getStatusCode().value(), bytes, lines};
        });
        return "HTTP %d, %,d bytes, %,d line ends".formatted(counted[0], counted[1], counted[2]);
    }

    /** Runs one operation, printing how long it took, its result, the heap it used and the load average. */
    private void measure(String what, Callable<String> operation) throws Exception {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong afterGc = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
                        .getMemoryUsageAfterGc().entrySet().stream().filter(pool -> isHeap(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                afterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        String result;
        try {
            result = operation.call();
        } catch (Throwable failed) {
            result = "FAILED: " + failed;
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        for (GarbageCollectorMXBean gc : collectors) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        System.out.printf("%n== %s: %,d ms (JVM uptime %.1f-%.1f s)%n   %s%n   heap: %d MiB used before (after a full GC),"
                        + " at most %d MiB live after a GC during it (0: no GC), peak used %d MiB (sum of the pools' peaks), max %d MiB;"
                        + " load average %s%n", what, took, uptime / 1000.0, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                result, before >> 20, afterGc.get() >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg"));
    }
}

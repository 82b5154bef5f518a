package io.recouvra.imports;

import io.recouvra.support.RecouvraTest;
import io.recouvra.support.SqlStatements;
import java.lang.management.ManagementFactory;
import io.recouvra.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it asserts nothing and prints figures): a CSV import of
 * 100,000 lines ({@code -Dlines=}) run as a job by 2 workers ({@code -Dworkers=}, the default of
 * {@code recouvra.imports.workers}), against the bare engine starting instances of a one-timer model from as many
 * threads in the same run. Prints lines/s (and, each minute, the lines done so far), the ratio to the bare start
 * rate, the statements per line the workers sent (counted on the warm-up, so that counting costs the run nothing),
 * the statements per line of the whole database where it has pg_stat_statements (the shared cluster; not the
 * embedded one), and the machine's load average, on which the figures depend.
 *
 * <pre>./mvnw test -Dtest=InvoiceImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw test -Dtest=InvoiceImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dlines=20000 \
 *     -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:55432/recouvra_bench -Dspring.datasource.username=postgres \
 *     -Dspring.datasource.password=postgres</pre>
 */
@RecouvraTest
class InvoiceImportBenchmark {

    private static final int LINES = Integer.getInteger("lines", 100_000);
    private static final int WORKERS = Integer.getInteger("workers", 2);
    private static final int BARE_STARTS = Integer.getInteger("bareStarts", 5_000);
    /** Invoices per customer in the file, as in a month's accounting export. */
    private static final int INVOICES_PER_CUSTOMER = 20;
    private static final int WARM_UP_LINES = 1_000;
    /** The benchmark's workers' thread names, whose statements are counted. */
    private static final String WORKER = "import-bench-";

    @Autowired
    InvoiceImports imports;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlStatements sqlStatements;

    @Test
    void importAHundredThousandLines() throws Exception {
        boolean counting = statementCounting();
        // the warm-up's statements, as the application sends them (datasource-proxy): per line, whatever the database
        sqlStatements.record(thread -> thread.getName().startsWith(WORKER));
        runImport(WARM_UP_LINES, "warm-up");
        double sentPerLine = (double) sqlStatements.stop().size() / WARM_UP_LINES;
        double bare = bareStarts();
        double loadBefore = load();

        String run = UUID.randomUUID().toString().substring(0, 6);
        byte[] file = file("BI-" + run + "-", LINES);
        long statementsBefore = counting ? statements() : 0;
        long start = System.nanoTime();
        UUID id = imports.submit(file, "benchmark.csv", "benchmark");
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        // a run cut short still leaves figures: lines done so far, the rate and the machine's load each minute
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> imports.find(id).ifPresent(view -> System.out.printf(
                "  ... %,d of %,d lines in %.0f s: %.0f lines/s, load average %.1f%n", view.linesDone(), view.lines(),
                (System.nanoTime() - start) / 1e9, view.linesDone() / ((System.nanoTime() - start) / 1e9), load())),
                1, 1, TimeUnit.MINUTES);
        try {
            drain();
        } finally {
            progress.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = load();
        long statements = counting ? statements() - statementsBefore : -1;
        ImportView done = imports.find(id).orElseThrow();

        double rate = LINES / seconds;
        System.out.printf("%nCSV import as a job, %,d lines (%,d bytes), %d workers, chunks of %d lines%n", LINES, file.length,
                WORKERS, InvoiceCsvImport.CHUNK_LINES);
        System.out.printf("  the request's work (read the file whole, store its chunks): %.1f s%n", submitSeconds);
        System.out.printf("  imported: %,d stored, %,d already present, %,d rejected in %.0f s: %.0f lines/s%n",
                done.stored(), done.alreadyPresent(), done.rejected(), seconds, rate);
        System.out.printf("  bare engine, %d threads, one-timer model, history as configured: %.0f starts/s; import/bare = %.2f%n",
                WORKERS, bare, rate / bare);
        System.out.println(counting
                ? String.format("  statements per line (pg_stat_statements, whole database): %.1f", (double) statements / LINES)
                : "  statements per line (pg_stat_statements): not counted (none in this database; see the Javadoc)");
        System.out.printf("  statements per line the workers sent (datasource-proxy, the %,d-line warm-up): %.1f%n", WARM_UP_LINES,
                sentPerLine);
        System.out.printf("  load average (1 min, %d cores): %.1f before the run, %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void runImport(int lines, String prefix) {
        imports.submit(file(prefix + "-" + UUID.randomUUID().toString().substring(0, 6) + "-", lines), prefix, "benchmark");
        drain();
    }

    /** The workers' job: {@code WORKERS} threads taking chunks until none is left. */
    private void drain() {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, work -> new Thread(work, WORKER + number.incrementAndGet()));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(() -> {
                    while (imports.importNextChunk()) {
                        // the next chunk
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Instances of a model with one timer (the engine's least work for a start that waits), from {@code WORKERS} threads. */
    private double bareStarts() throws Exception {
        repository.createDeployment().addModelInstance("bare-start.bpmn", Bpmn.createExecutableProcess("BareStart")
                .startEvent().intermediateCatchEvent().timerWithDuration("P30D").endEvent().done()).deploy();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                threads.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < BARE_STARTS; i = next.getAndIncrement()) {
                        runtime.startProcessInstanceByKey("BareStart", "BARE-" + i, Map.of("amount", "120.00"));
                    }
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return BARE_STARTS / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] file(String prefix, int lines) {
        StringBuilder csv = new StringBuilder("invoice_number;customer_registration_number;customer_name;issue_date;due_date;amount;currency\n");
        String siren = null;
        for (int i = 0; i < lines; i++) {
            if (i % INVOICES_PER_CUSTOMER == 0) {
                siren = TestData.siren();
            }
            csv.append(prefix).append(i).append(';').append(siren).append(";Client ").append(siren)
                    .append(";2026-10-01;2026-10-31;1 200,00;EUR\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean statementCounting() {
        try {
            jdbc.execute("create extension if not exists pg_stat_statements");
            statements();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long statements() {
        return jdbc.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements"
                + " where dbid = (select oid from pg_database where datname = current_database())", Long.class);
    }
}

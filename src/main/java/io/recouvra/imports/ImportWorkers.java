package io.recouvra.imports;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The threads that run import jobs on this node ({@code recouvra.imports.workers}, 2 by default). Woken when an
 * import is submitted here and every {@code recouvra.imports.poll} (5 s), for imports submitted on other nodes and
 * chunks whose worker died; each takes chunks until none is left. Off with {@code recouvra.imports.worker.enabled:
 * false} (the tests, which run chunks by hand, and the command-line import).
 */
@Component
class ImportWorkers {

    private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

    private final InvoiceImports imports;
    private final boolean enabled;
    private final ExecutorService pool;
    private final Semaphore idle;

    ImportWorkers(InvoiceImports imports, @Value("${recouvra.imports.workers:2}") int workers,
                  @Value("${recouvra.imports.worker.enabled:true}") boolean enabled) {
        this.imports = imports;
        this.enabled = enabled;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, work -> {
            Thread thread = new Thread(work, "import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.idle = new Semaphore(workers);
    }

    /** Sets every idle worker to the chunks waiting; returns at once. */
    void wake() {
        if (!enabled) {
            return;
        }
        while (idle.tryAcquire()) {
            try {
                pool.execute(() -> {
                    try {
                        drain();
                    } finally {
                        idle.release();
                    }
                });
            } catch (RuntimeException e) {
                idle.release();
                throw e;
            }
        }
    }

    @Scheduled(fixedDelayString = "${recouvra.imports.poll:PT5S}")
    void poll() {
        wake();
    }

    private void drain() {
        try {
            while (imports.importNextChunk()) {
                // the next chunk, while there are some
            }
        } catch (RuntimeException e) {
            log.error("Import worker stopped on a failure; the chunk is taken up again when its lease runs out", e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import jakarta.annotation.PreDestroy;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each channel is sent by its own workers, a bounded pool per channel: a provider that hangs holds up
 * its own channel's workers only, never another channel's messages nor the application's scheduled
 * jobs. A tick (from the scheduler) hands each channel as many runs as it has idle workers; a run
 * reconciles the channel's abandoned sends, rechecks its uncertain ones, then sends what is due until
 * nothing is left. Workers of one channel, and of several nodes, share the rows through the outbox's
 * claims ({@code for update skip locked} and a claim token): a message is claimed by one worker only.
 */
@Component
class ChannelWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorkers.class);

    private final Dispatcher dispatcher;
    private final UncertainRechecks rechecks;
    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);
    private final Map<Channel, Semaphore> idle = new EnumMap<>(Channel.class);

    ChannelWorkers(Dispatcher dispatcher, UncertainRechecks rechecks, WorkerSettings settings) {
        this.dispatcher = dispatcher;
        this.rechecks = rechecks;
        for (Channel channel : Channel.values()) {
            int threads = settings.threads(channel);
            AtomicInteger number = new AtomicInteger();
            String prefix = "dispatch-" + channel.name().toLowerCase() + "-";
            pools.put(channel, Executors.newFixedThreadPool(threads, work -> {
                Thread thread = new Thread(work, prefix + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
            idle.put(channel, new Semaphore(threads));
        }
    }

    /** Starts a run on every idle worker of every channel; returns at once. */
    void tick() {
        for (Channel channel : Channel.values()) {
            Semaphore free = idle.get(channel);
            while (free.tryAcquire()) {
                try {
                    pools.get(channel).execute(() -> {
                        try {
                            run(channel);
                        } finally {
                            free.release();
                        }
                    });
                } catch (RuntimeException e) {
                    free.release();
                    throw e;
                }
            }
        }
    }

    private void run(Channel channel) {
        try {
            dispatcher.reconcileAbandoned(channel);
            rechecks.recheckDue(channel);
            while (dispatcher.dispatchDue(channel) > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.error("{} dispatch run failed; the next tick tries again", channel, e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pools.values().forEach(ExecutorService::shutdown);
        for (ExecutorService pool : pools.values()) {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                // a send still waiting for its provider: its row is reconciled after its lease
                pool.shutdownNow();
            }
        }
    }
}

package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.config.OutboxConfig;
import id.go.kapuaskab.sertel.renewal.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Works off the outbox: {@code concurrency} threads, each claiming a few due entries at a time
 * ({@code FOR UPDATE SKIP LOCKED} with a lease, so several replicas are safe) and processing them. Threads sleep
 * until woken by a commit that wrote to the outbox, or until the poll interval passes (for retries and for work
 * written by another replica).
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final OutboxRepository entries;
    private final OutboxProcessor processor;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OutboxWorker(OutboxRepository entries, OutboxProcessor processor, OutboxSignal signal, OutboxConfig config) {
        this.entries = entries;
        this.processor = processor;
        this.signal = signal;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox worker disabled in this replica");
            return;
        }
        running = true;
        int perThread = Math.max(1, config.batchSize() / Math.max(1, config.concurrency()));
        for (int i = 0; i < config.concurrency(); i++) {
            Thread t = new Thread(() -> loop(perThread), "outbox-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        signal.wake();
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Makes every thread look for work now (after an admin's retry, for instance). */
    public void wake() {
        signal.wake();
    }

    private void loop(int batch) {
        while (running) {
            long seen = signal.generation();
            try {
                List<OutboxRepository.Claimed> claimed = QuarkusTransaction.requiringNew()
                        .call(() -> entries.claim(batch, config.lease(), config.deliverEvents()));
                for (OutboxRepository.Claimed entry : claimed) {
                    processor.process(entry);
                }
                if (claimed.isEmpty()) {
                    signal.await(seen, config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox worker: %s", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

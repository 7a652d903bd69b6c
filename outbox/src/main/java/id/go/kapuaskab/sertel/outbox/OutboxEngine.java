package id.go.kapuaskab.sertel.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Delivers outbox items: {@code workers} threads per replica claim due items in small batches and hand each to the
 * handler of its topic, then record the outcome and the handler's consequence in one transaction. While a worker
 * holds items, a heartbeat renews their short leases; a replica that dies loses them within one lease and another
 * takes over, recording the lost attempt as ABANDONED. On shutdown no new work is claimed, running deliveries get
 * {@code shutdown-grace} to finish, and what is left is handed back at once rather than waiting out a lease.
 */
@ApplicationScoped
public class OutboxEngine {

    private static final Logger LOG = Logger.getLogger(OutboxEngine.class);
    private static final int PURGE_BATCH = 1000;

    private final OutboxStore store;
    private final Map<String, OutboxHandler> handlers;
    private final OutboxConfig config;
    private final Clock clock;
    private final OutboxSignal signal;
    private final OutboxMetrics metrics;
    private final OutboxTracing tracing;
    private final String owner;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService maintenance;
    private volatile boolean running;

    OutboxEngine(OutboxStore store, @Any Instance<OutboxHandler> handlers, OutboxConfig config, Clock clock, OutboxSignal signal,
                 OutboxMetrics metrics, OutboxTracing tracing) {
        this.store = store;
        this.tracing = tracing;
        this.config = config;
        this.clock = clock;
        this.signal = signal;
        this.metrics = metrics;
        this.handlers = new LinkedHashMap<>();
        for (OutboxHandler h : handlers) {
            if (this.handlers.put(h.topic(), h) != null) {
                throw new IllegalStateException("Two outbox handlers for topic " + h.topic());
            }
        }
        this.owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    void start(@Observes StartupEvent event) {
        if (handlers.isEmpty()) {
            return;
        }
        metrics.register(handlers.keySet());
        running = true;
        maintenance = Executors.newScheduledThreadPool(2, r -> daemon(r, "outbox-maintenance"));
        long beat = Math.max(200, config.lease().toMillis() / 3);
        maintenance.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::refreshFigures, 0, config.metricsRefresh().toMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < config.workers(); i++) {
            Thread t = daemon(this::work, "outbox-worker-" + i);
            workers.add(t);
            t.start();
        }
        LOG.debugf("Outbox engine %s: %d worker(s) for %s", owner, config.workers(), handlers.keySet());
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        signal.wakeAll();
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handBack();
        maintenance.shutdownNow();
    }

    /** Delivers everything due now on the calling thread, batch after batch, until nothing is claimable; the attempts made. */
    public int drain() {
        int attempts = 0;
        while (true) {
            List<OutboxStore.Claimed> batch = claim();
            if (batch.isEmpty()) {
                return attempts;
            }
            batch.forEach(this::deliver);
            attempts += batch.size();
        }
    }

    /** This replica's identity in leases and attempt records. */
    public String owner() {
        return owner;
    }

    private void work() {
        while (running) {
            long seen = signal.generation();
            try {
                List<OutboxStore.Claimed> batch = claim();
                if (batch.isEmpty()) {
                    signal.await(seen, config.pollInterval());
                    continue;
                }
                if (batch.size() >= Math.max(1, config.batchSize())) {
                    signal.wake();                             // a full batch: there may be more, the next idle worker looks
                }
                for (OutboxStore.Claimed c : batch) {
                    if (!running) {
                        break;
                    }
                    deliver(c);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox worker: %s; trying again in %s", e.toString(), config.pollInterval());
                    pause();
                }
            }
        }
    }

    private List<OutboxStore.Claimed> claim() {
        Instant now = clock.instant();
        List<OutboxStore.Claimed> batch = QuarkusTransaction.requiringNew()
                .call(() -> store.claim(owner, handlers.keySet(), Math.max(1, config.batchSize()), now, now.plus(config.lease())));
        for (OutboxStore.Claimed c : batch) {
            held.add(c.item().id());
            if (c.previousOwner() != null) {                  // a takeover: the store recorded the lost attempt as ABANDONED
                metrics.attempt(c.item().topic(), "ABANDONED");
            }
        }
        return batch;
    }

    private void deliver(OutboxStore.Claimed claimed) {
        OutboxItem item = claimed.item();
        OutboxHandler handler = handlers.get(item.topic());
        try {
            Outcome outcome = attempt(handler, item);
            Outcome effective = effective(item, outcome);
            if (!record(handler, claimed, effective, true)) {
                LOG.infof("Outbox item %s (%s): lease lost before the answer was recorded; another worker has it", item.id(), item.topic());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Outbox item %s (%s): recording the outcome failed; retried after its lease", item.id(), item.topic());
            recordWithoutSettling(claimed, e);
        } finally {
            held.remove(item.id());
        }
    }

    private Outcome attempt(OutboxHandler handler, OutboxItem item) {
        Object previous = MDC.get("requestId");
        if (item.requestId() != null) {
            MDC.put("requestId", item.requestId());
        }
        try {
            return tracing.deliver(item, () -> handled(handler, item));
        } finally {
            if (previous == null) {
                MDC.remove("requestId");
            } else {
                MDC.put("requestId", previous);
            }
        }
    }

    private static Outcome handled(OutboxHandler handler, OutboxItem item) {
        try {
            Outcome outcome = handler.handle(item);
            return outcome == null ? Outcome.retry("the handler gave no outcome") : outcome;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Outbox item %s (%s) attempt %d failed", item.id(), item.topic(), item.attempt());
            return Outcome.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A RETRY past the topic's attempt limit is DEAD; a RETRY within it carries the wait before the next attempt. */
    private Outcome effective(OutboxItem item, Outcome outcome) {
        if (outcome.kind() != Outcome.Kind.RETRY) {
            return outcome;
        }
        int limit = topic(item.topic()).maxAttempts().orElse(config.maxAttempts());
        if (limit > 0 && item.attempt() >= limit) {
            return new Outcome(Outcome.Kind.DEAD, outcome.code(), "gave up after " + item.attempt() + " attempts: " + outcome.detail(),
                    null, outcome.value());
        }
        return outcome.after(wait(item, outcome));
    }

    private boolean record(OutboxHandler handler, OutboxStore.Claimed claimed, Outcome outcome, boolean settle) {
        OutboxItem item = claimed.item();
        Instant now = clock.instant();
        String status = switch (outcome.kind()) {
            case DONE -> "DONE";
            case DEAD -> "DEAD";
            case RETRY -> "PENDING";
        };
        Instant next = outcome.kind() == Outcome.Kind.RETRY ? now.plus(outcome.retryAfterHint().orElse(Duration.ZERO)) : null;
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            if (!store.finish(owner, claimed, status, next, outcome, outcome.kind().name(), now)) {
                return false;
            }
            if (settle) {
                handler.settle(item, outcome);
            }
            return true;
        });
        if (recorded) {
            metrics.attempt(item.topic(), outcome.kind().name());
            if (outcome.isDead()) {
                LOG.warnf("Outbox item %s (%s, %s) is DEAD after %d attempt(s): %s", item.id(), item.topic(), item.reference(),
                        item.attempt(), outcome.detail());
            }
        }
        return recorded;
    }

    /** The handler's consequence could not be committed: the attempt counts as failed, so it is tried again. */
    private void recordWithoutSettling(OutboxStore.Claimed claimed, RuntimeException cause) {
        try {
            Outcome failed = effective(claimed.item(), Outcome.retry("recording failed: " + cause));
            record(handlers.get(claimed.item().topic()), claimed, failed, false);
        } catch (RuntimeException e) {
            LOG.debugf("Outbox item %s: %s; its lease runs out and it is taken over", claimed.item().id(), e.toString());
        }
    }

    private Duration wait(OutboxItem item, Outcome outcome) {
        OutboxConfig.Topic t = topic(item.topic());
        Backoff backoff = new Backoff(t.backoffInitial().orElse(config.backoffInitial()), t.backoffMax().orElse(config.backoffMax()));
        Duration wait = backoff.after(item.attempt());
        return outcome.retryAfterHint().filter(hint -> hint.compareTo(wait) > 0).orElse(wait);
    }

    private OutboxConfig.Topic topic(String name) {
        OutboxConfig.Topic t = config.topics().get(name);
        return t != null ? t : NO_OVERRIDES;
    }

    private static final OutboxConfig.Topic NO_OVERRIDES = new OutboxConfig.Topic() {
        @Override
        public java.util.Optional<Duration> backoffInitial() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Duration> backoffMax() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.OptionalInt maxAttempts() {
            return java.util.OptionalInt.empty();
        }
    };

    private void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Instant until = clock.instant().plus(config.lease());
            QuarkusTransaction.requiringNew().run(() -> store.renew(owner, List.copyOf(held), until));
        } catch (RuntimeException e) {
            LOG.warnf("Outbox: renewing leases failed: %s", e.toString());
        }
    }

    private void refreshFigures() {
        try {
            metrics.update(QuarkusTransaction.requiringNew().call(store::stats));
            Instant before = clock.instant().minus(config.retention());
            QuarkusTransaction.requiringNew().call(() -> store.purge(before, PURGE_BATCH));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox: refreshing figures failed: %s", e.toString());
        }
    }

    private void handBack() {
        if (held.isEmpty()) {
            return;
        }
        try {
            int n = QuarkusTransaction.requiringNew().call(() -> store.release(owner, List.copyOf(held)));
            LOG.infof("Outbox: handed %d unfinished item(s) back on shutdown", n);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox: handing items back failed (%s); they are taken over when their leases run out", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "local" : host;
    }
}

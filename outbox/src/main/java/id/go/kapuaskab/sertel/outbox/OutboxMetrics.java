package id.go.kapuaskab.sertel.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox as an operator watches it, per topic: {@code sertel_outbox_backlog} (items waiting),
 * {@code sertel_outbox_oldest_age_seconds} (how long the oldest waiting item has waited),
 * {@code sertel_outbox_dead} (items given up, waiting for an operator) and {@code sertel_outbox_attempts_total}
 * by outcome. Gauges read figures the engine refreshes from the database at intervals, never per scrape.
 */
@ApplicationScoped
class OutboxMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Figures> topics = new ConcurrentHashMap<>();
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();

    private static final class Figures {
        final AtomicLong backlog = new AtomicLong();
        final AtomicLong dead = new AtomicLong();
        final AtomicReference<Instant> oldest = new AtomicReference<>();
    }

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void register(Collection<String> known) {
        known.forEach(this::figures);
        for (String topic : known) {                           // every series exists from the start at zero
            for (String outcome : new String[] {"DONE", "RETRY", "DEAD", "ABANDONED"}) {
                attempts(topic, outcome);
            }
        }
    }

    void attempt(String topic, String outcome) {
        attempts(topic, outcome).increment();
    }

    private Counter attempts(String topic, String outcome) {
        return attempts.computeIfAbsent(topic + "|" + outcome, k -> Counter.builder("sertel.outbox.attempts")
                .description("Outbox delivery attempts by topic and outcome (DONE, RETRY, DEAD; ABANDONED: taken over from a worker that died or lost its lease)")
                .tag("topic", topic).tag("outcome", outcome).register(registry));
    }

    void update(Collection<OutboxStore.TopicStats> stats) {
        topics.values().forEach(f -> {
            f.backlog.set(0);
            f.dead.set(0);
            f.oldest.set(null);
        });
        for (OutboxStore.TopicStats s : stats) {
            Figures f = figures(s.topic());
            f.backlog.set(s.pending());
            f.dead.set(s.dead());
            f.oldest.set(s.oldestPending());
        }
    }

    private Figures figures(String topic) {
        return topics.computeIfAbsent(topic, t -> {
            Figures f = new Figures();
            Gauge.builder("sertel.outbox.backlog", f.backlog, AtomicLong::get).description("Outbox items waiting for delivery")
                    .tag("topic", t).register(registry);
            Gauge.builder("sertel.outbox.dead", f.dead, AtomicLong::get).description("Outbox items given up after their attempt limit")
                    .tag("topic", t).register(registry);
            Gauge.builder("sertel.outbox.oldest.age", f, this::ageSeconds).baseUnit("seconds")
                    .description("How long the oldest waiting outbox item has waited").tag("topic", t).register(registry);
            return f;
        });
    }

    private double ageSeconds(Figures f) {
        Instant oldest = f.oldest.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}

package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's meters (Prometheus at {@code /q/metrics}): reminders that became due, messages sent, failed for
 * good and skipped (by kind), and the lag of the oldest due reminder not yet sent, in seconds.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;
    private final DeliveryStore outbox;
    private final Clock clock;
    private final Counter due;
    private final AtomicLong lagSeconds = new AtomicLong();

    NotificationMetrics(MeterRegistry registry, DeliveryStore outbox, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
        this.due = Counter.builder("sertel.reminders.due").description("Expiry reminders that became due and were queued").register(registry);
        Gauge.builder("sertel.reminders.lag.seconds", lagSeconds, AtomicLong::get)
                .description("How long the oldest due expiry reminder has been waiting to be sent (0 when none waits)")
                .register(registry);
        for (DeliveryKind kind : DeliveryKind.values()) {             // every series exists from the start at zero
            counter("sertel.notifications.sent", "Messages accepted by the mail server", kind.name());
            counter("sertel.notifications.failed", "Messages given up (permanent failure or attempts exhausted)", kind.name());
            counter("sertel.notifications.skipped", "Messages deliberately not sent (renewed, revoked, no recipient)", kind.name());
        }
    }

    public void due(int count) {
        due.increment(count);
    }

    public void sent(String kind) {
        counter("sertel.notifications.sent", "Messages accepted by the mail server", kind).increment();
    }

    public void failed(String kind) {
        counter("sertel.notifications.failed", "Messages given up (permanent failure or attempts exhausted)", kind).increment();
    }

    public void skipped(String kind) {
        counter("sertel.notifications.skipped", "Messages deliberately not sent (renewed, revoked, no recipient)", kind).increment();
    }

    /** Refreshes the lag gauge from the outbox. */
    @Scheduled(every = "15s", delayed = "5s", identity = "reminder-lag", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshLag() {
        lagSeconds.set(outbox.oldestWaitingReminderDue()
                .map(d -> Math.max(0, Duration.between(d, clock.instant()).toSeconds())).orElse(0L));
    }

    public long lagSeconds() {
        return lagSeconds.get();
    }

    private Counter counter(String name, String description, String kind) {
        return Counter.builder(name).description(description).tag("kind", kind).register(registry);
    }
}

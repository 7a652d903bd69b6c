package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.repository.SubscriptionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhooks as an operator watches them (Prometheus at {@code /q/metrics}): attempts by outcome
 * ({@code sertel_webhook_deliveries_total{outcome}}: delivered, retried, failed, gone, skipped), how long events took
 * from happening to being delivered ({@code sertel_webhook_delivery_lag_seconds}), subscriptions disabled now
 * ({@code sertel_webhook_subscriptions_disabled}) and disablings by reason ({@code sertel_webhook_disablings_total}).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final SubscriptionStore subscriptions;
    private final Timer lag;
    private final AtomicLong disabled = new AtomicLong();

    WebhookMetrics(MeterRegistry registry, SubscriptionStore subscriptions) {
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.lag = Timer.builder("sertel.webhook.delivery.lag")
                .description("From an event's occurredAt to its webhook delivery's 2xx answer").register(registry);
        Gauge.builder("sertel.webhook.subscriptions.disabled", disabled, AtomicLong::get)
                .description("Webhook subscriptions that are disabled (by their owner, an admin, or after failing)").register(registry);
    }

    /** {@code delivered}, {@code retried}, {@code failed}, {@code gone} (410) or {@code skipped}. */
    public void delivery(String outcome) {
        Counter.builder("sertel.webhook.deliveries").description("Webhook delivery attempts by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    public void delivered(Duration sinceEvent) {
        lag.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    public void disabledFor(String reason) {
        Counter.builder("sertel.webhook.disablings").description("Webhook subscriptions disabled by the service, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** Refreshes the disabled-subscriptions gauge from the database. */
    @Scheduled(every = "15s", delayed = "5s", identity = "webhook-disabled", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        disabled.set(subscriptions.countDisabled());
    }
}

package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery.Status;
import id.go.kapuaskab.sertel.notification.repository.WebhookDeliveryStore;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription's delivery log, for its owner and admins: every delivery with every attempt (the outbox engine's
 * attempt records), and the manual redelivery of one delivery: a new delivery of the same event (same
 * {@code webhook-id} and body), in order behind whatever else is waiting for the same subject.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery with its attempts, oldest attempt first. */
    public record Entry(WebhookDelivery delivery, List<Outbox.Attempt> attempts) {
    }

    public record Page(List<Entry> items, int offset, int limit, long total) {
    }

    private final Subscriptions subscriptions;
    private final WebhookDeliveryStore store;
    private final Outbox outbox;
    private final Clock clock;

    WebhookDeliveries(Subscriptions subscriptions, WebhookDeliveryStore store, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page list(Caller caller, UUID subscriptionId, Optional<Status> status, int offset, int limit) {
        subscriptions.get(caller, subscriptionId);
        WebhookDeliveryStore.Page page = store.page(subscriptionId, status, offset, limit);
        Map<UUID, List<Outbox.Attempt>> attempts = outbox.attempts(page.items().stream().map(WebhookDelivery::id).toList());
        return new Page(page.items().stream().map(d -> new Entry(d, attempts.getOrDefault(d.id(), List.of()))).toList(), offset, limit,
                page.total());
    }

    public Entry get(Caller caller, UUID subscriptionId, UUID deliveryId) {
        subscriptions.get(caller, subscriptionId);
        WebhookDelivery d = store.find(subscriptionId, deliveryId).orElseThrow(() -> DomainException.notFound("webhook.delivery-not-found"));
        return new Entry(d, outbox.attempts(List.of(d.id())).getOrDefault(d.id(), List.of()));
    }

    /** Delivers the event of a finished delivery again, as a new delivery; the original keeps its attempts. */
    public Entry redeliver(Caller caller, UUID subscriptionId, UUID deliveryId) {
        Subscription s = subscriptions.get(caller, subscriptionId);
        if (!s.enabled()) {
            throw DomainException.conflict("webhook.subscription-disabled");
        }
        WebhookDelivery original = store.find(subscriptionId, deliveryId)
                .orElseThrow(() -> DomainException.notFound("webhook.delivery-not-found"));
        if (original.status() == Status.PENDING || original.status() == Status.RETRYING) {
            throw DomainException.conflict("webhook.delivery-pending").with("nextAttemptAt", String.valueOf(original.nextAttemptAt()));
        }
        Instant now = clock.instant();
        WebhookDelivery copy = new WebhookDelivery(UUID.randomUUID(), subscriptionId, original.eventId(), original.eventType(),
                original.subject(), original.occurredAt(), Status.PENDING, 0, null, null, now, null, original.id(), now);
        QuarkusTransaction.requiringNew().run(() -> store.add(copy));
        return new Entry(copy, List.of());
    }
}

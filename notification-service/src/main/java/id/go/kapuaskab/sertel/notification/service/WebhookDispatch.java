package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.WebhookSender;
import id.go.kapuaskab.sertel.notification.client.WebhookSender.Answer;
import id.go.kapuaskab.sertel.notification.client.WebhookSender.NoAnswer;
import id.go.kapuaskab.sertel.notification.client.WebhookTarget;
import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery.Status;
import id.go.kapuaskab.sertel.notification.repository.SubscriptionStore;
import id.go.kapuaskab.sertel.notification.repository.WebhookDeliveryStore;
import id.go.kapuaskab.sertel.notification.repository.WebhookDeliveryStore.Work;
import id.go.kapuaskab.sertel.notification.service.WebhookDisabling.Reason;
import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends webhooks, one outbox item (topic {@code webhook}) per delivery, in order per subscription and subject. Each
 * attempt checks the target again (its address may have changed since the subscription was made), signs the body
 * with a fresh {@code webhook-timestamp} (the {@code webhook-id} is the event's id on every attempt) and POSTs it:
 * a 2xx is delivered; 410 disables the subscription; anything else, no answer in time included, is retried with the
 * topic's back-off until it gives up (about a day), which also disables the subscription, as does failing without
 * a success for longer than {@code disable-after}. Deliveries of a disabled or deleted subscription are skipped.
 */
@ApplicationScoped
public class WebhookDispatch implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class);
    private static final String SKIPPED = "SKIPPED";
    private static final Duration LONGEST_HINT = Duration.ofHours(1);

    private final WebhookDeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final Subscriptions secrets;
    private final TargetPolicy targets;
    private final WebhookSender sender;
    private final WebhookDisabling disabling;
    private final WebhookMetrics metrics;
    private final Duration disableAfter;
    private final Clock clock;

    WebhookDispatch(WebhookDeliveryStore deliveries, SubscriptionStore subscriptions, Subscriptions secrets, TargetPolicy targets,
                    WebhookSender sender, WebhookDisabling disabling, WebhookMetrics metrics, WebhookConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.targets = targets;
        this.sender = sender;
        this.disabling = disabling;
        this.metrics = metrics;
        this.disableAfter = config.disableAfter();
        this.clock = clock;
    }

    /** What {@code settle} needs from {@code handle}. */
    private record Seen(UUID subscriptionId, Instant occurredAt, Integer status) {
    }

    @Override
    public String topic() {
        return WebhookDeliveryStore.TOPIC;
    }

    @Override
    public Outcome handle(OutboxItem item) {
        Optional<Work> work = deliveries.work(UUID.fromString(item.reference()));
        if (work.isEmpty()) {
            return Outcome.done().withCode(SKIPPED).withDetail("not sent: the subscription was deleted");
        }
        WebhookDelivery d = work.get().delivery();
        Optional<Subscription> found = subscriptions.find(d.subscriptionId());
        if (found.isEmpty() || !found.get().enabled()) {
            return Outcome.done(new Seen(d.subscriptionId(), d.occurredAt(), null)).withCode(SKIPPED)
                    .withDetail("not sent: the subscription is " + (found.isEmpty() ? "deleted" : "disabled"));
        }
        Subscription s = found.get();
        WebhookTarget target;
        try {
            target = targets.check(s.url());
        } catch (DomainException refused) {
            return Outcome.retry("not sent: " + refused.code() + " (the target was checked again before sending)")
                    .withCode("target-refused").withValue(new Seen(s.id(), d.occurredAt(), null));
        }
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String id = d.eventId().toString();
        String body = work.get().body();
        Map<String, String> headers = Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.signature(id, timestamp, body, secrets.signingSecrets(s, now)));
        try {
            Answer answer = sender.post(target, headers, body);
            Seen seen = new Seen(s.id(), d.occurredAt(), answer.status());
            String code = Integer.toString(answer.status());
            String detail = "HTTP " + answer.status() + " in " + answer.millis() + " ms";
            if (answer.status() >= 200 && answer.status() < 300) {
                return Outcome.done(seen).withCode(code).withDetail(detail);
            }
            if (answer.status() == 410) {
                return Outcome.dead(code, detail + ": the receiver is gone").withValue(seen);
            }
            Outcome retry = Outcome.retry(detail).withCode(code).withValue(seen);
            return answer.retryAfterSeconds().isPresent()
                    ? retry.after(min(Duration.ofSeconds(answer.retryAfterSeconds().getAsLong()), LONGEST_HINT)) : retry;
        } catch (NoAnswer e) {
            return Outcome.retry(e.getMessage()).withCode(e.code()).withValue(new Seen(s.id(), d.occurredAt(), null));
        }
    }

    @Override
    public void settle(OutboxItem item, Outcome outcome) {
        UUID id = UUID.fromString(item.reference());
        Instant now = clock.instant();
        Seen seen = outcome.value() instanceof Seen x ? x : null;
        switch (outcome.kind()) {
            case DONE -> {
                boolean skipped = SKIPPED.equals(outcome.code());
                deliveries.record(id, skipped ? Status.SKIPPED : Status.DELIVERED, item.attempt(), seen == null ? null : seen.status(),
                        skipped ? outcome.detail() : null, null, skipped ? null : now, now);
                metrics.delivery(skipped ? "skipped" : "delivered");
                if (!skipped && seen != null) {
                    subscriptions.succeeded(seen.subscriptionId());
                    metrics.delivered(Duration.between(seen.occurredAt(), now));
                }
            }
            case RETRY -> {
                Instant next = now.plus(outcome.retryAfterHint().orElse(Duration.ZERO));
                deliveries.record(id, Status.RETRYING, item.attempt(), seen == null ? null : seen.status(), outcome.detail(), next, null, now);
                metrics.delivery("retried");
                if (seen != null) {
                    Optional<Instant> since = subscriptions.failing(seen.subscriptionId(), now);
                    if (since.isPresent() && !since.get().plus(disableAfter).isAfter(now)) {
                        disable(seen.subscriptionId(), Reason.FAILING, now);
                    }
                }
                LOG.debugf("Webhook delivery %s (attempt %d) failed, next at %s: %s", id, item.attempt(), next, outcome.detail());
            }
            case DEAD -> {
                boolean gone = "410".equals(outcome.code());
                deliveries.record(id, Status.FAILED, item.attempt(), seen == null ? null : seen.status(), outcome.detail(), null, null, now);
                metrics.delivery(gone ? "gone" : "failed");
                if (seen != null) {
                    subscriptions.failing(seen.subscriptionId(), now);
                    disable(seen.subscriptionId(), gone ? Reason.GONE : Reason.FAILED, now);
                }
            }
        }
    }

    private void disable(UUID subscriptionId, Reason reason, Instant now) {
        subscriptions.find(subscriptionId).ifPresent(s -> disabling.disable(s, reason, now));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

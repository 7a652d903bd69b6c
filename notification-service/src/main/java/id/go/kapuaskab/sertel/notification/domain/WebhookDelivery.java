package id.go.kapuaskab.sertel.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription (the outbox item of topic {@code webhook} has the same id). Its attempts
 * are the outbox engine's attempt records; this row adds what they lack: the subscription, the event, the state as
 * the owner reads it, and the last HTTP status.
 */
public record WebhookDelivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String subject, Instant occurredAt,
                              Status status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                              Instant deliveredAt, UUID redeliveryOf, Instant createdAt) {

    /** PENDING (not tried yet), RETRYING, DELIVERED (a 2xx), FAILED (given up, or 410), SKIPPED (subscription disabled or deleted). */
    public enum Status {
        PENDING, RETRYING, DELIVERED, FAILED, SKIPPED
    }
}

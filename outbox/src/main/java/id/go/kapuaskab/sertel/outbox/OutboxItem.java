package id.go.kapuaskab.sertel.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed unit of work as a handler sees it. {@code attempt} is this attempt's number (1 for the first);
 * {@code payload} is whatever the service wrote (JSON as a rule); {@code reference} is what the work is about.
 */
public record OutboxItem(UUID id, String topic, String orderingKey, String reference, String payload, int attempt,
                         Instant createdAt, String traceParent, String requestId) {
}

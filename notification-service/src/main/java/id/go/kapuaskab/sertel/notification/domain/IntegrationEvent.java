package id.go.kapuaskab.sertel.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something regional systems may learn of: {@code subject} is what it is about (a certificate serial, a request id,
 * an applicant id) and orders its deliveries; {@code institutionId} decides who may see it; {@code data} holds ids
 * and states only, never personal data.
 */
public record IntegrationEvent(UUID eventId, EventType type, Instant occurredAt, String subject, UUID institutionId,
                               Map<String, Object> data) {

    public IntegrationEvent {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}

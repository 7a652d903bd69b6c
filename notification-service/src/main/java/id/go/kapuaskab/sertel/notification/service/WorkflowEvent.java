package id.go.kapuaskab.sertel.notification.service;

import java.time.Instant;
import java.util.UUID;

/** An event of renewal-service's request workflow (docs/ARCHITECTURE.md, "notification-service"). */
public record WorkflowEvent(UUID eventId, Type type, Instant occurredAt, UUID requestId, String requestType, UUID applicantId,
                            UUID institutionId, String reason, String certificateSerial, Instant notBefore, Instant notAfter) {

    public enum Type {
        REQUEST_SUBMITTED, REQUEST_RETURNED, REQUEST_REJECTED, REQUEST_APPROVED, REQUEST_COMPLETED, REQUEST_CANCELLED
    }
}

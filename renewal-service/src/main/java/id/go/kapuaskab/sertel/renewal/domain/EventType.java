package id.go.kapuaskab.sertel.renewal.domain;

/** The workflow events notification-service turns into mail (docs/ARCHITECTURE.md, "notification-service"). */
public enum EventType {
    REQUEST_SUBMITTED,
    REQUEST_RETURNED,
    REQUEST_REJECTED,
    REQUEST_APPROVED,
    REQUEST_COMPLETED,
    REQUEST_CANCELLED
}

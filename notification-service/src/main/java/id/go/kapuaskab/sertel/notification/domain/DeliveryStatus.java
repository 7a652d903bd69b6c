package id.go.kapuaskab.sertel.notification.domain;

/** Where a message stands: waiting to be sent, sent, waiting to retry, given up, or deliberately not sent. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    RETRYING,
    FAILED,
    SKIPPED
}

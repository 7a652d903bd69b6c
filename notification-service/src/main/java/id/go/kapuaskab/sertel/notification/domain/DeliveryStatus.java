package id.go.kapuaskab.sertel.notification.domain;

/** Where a message stands: waiting, being sent, sent, waiting to retry, given up, or deliberately not sent. */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    RETRYING,
    FAILED,
    SKIPPED
}

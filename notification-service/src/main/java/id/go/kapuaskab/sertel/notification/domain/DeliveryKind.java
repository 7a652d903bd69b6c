package id.go.kapuaskab.sertel.notification.domain;

/** What a message is about; also the name of its templates ({@code templates/mail/<kind>.<lang>.txt|html}). */
public enum DeliveryKind {
    EXPIRY_REMINDER,
    REQUEST_SUBMITTED,
    REQUEST_RETURNED,
    REQUEST_REJECTED,
    REQUEST_APPROVED,
    REQUEST_COMPLETED,
    EMAIL_VERIFICATION,
    /** To a webhook subscription's contact: the service disabled it. */
    WEBHOOK_DISABLED;

    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

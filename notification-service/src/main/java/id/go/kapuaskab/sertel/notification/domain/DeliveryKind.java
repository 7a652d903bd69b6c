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
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    MFA_ENABLED,
    MFA_DISABLED,
    NEW_DEVICE,
    ACCOUNT_DEACTIVATED,
    /** To a webhook subscription's contact: the service disabled it. */
    WEBHOOK_DISABLED;

    /** Messages that carry a one-time link: their content is removed from the log once the attempts are over. */
    public boolean carriesSecret() {
        return this == EMAIL_VERIFICATION || this == PASSWORD_RESET;
    }

    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

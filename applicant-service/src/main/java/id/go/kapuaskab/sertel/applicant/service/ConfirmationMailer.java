package id.go.kapuaskab.sertel.applicant.service;

/**
 * The one way this service sends mail. Today {@link QuarkusConfirmationMailer} sends it through Quarkus Mailer;
 * once notification-service exists, an implementation calling its {@code POST /internal/messages}
 * (template {@code EMAIL_VERIFICATION}, idempotent by message id) replaces it without touching callers.
 */
public interface ConfirmationMailer {

    /**
     * Hands the message over for delivery without making the caller wait for it; called after the transaction
     * that issued the token has committed. Delivery failures are the implementation's to log.
     */
    void send(ConfirmationMail mail);
}

package id.go.kapuaskab.sertel.applicant.service;

/**
 * The one way this service sends mail. Today {@link QuarkusConfirmationMailer} sends it through Quarkus Mailer;
 * once notification-service exists, an implementation calling its {@code POST /internal/messages}
 * (template {@code EMAIL_VERIFICATION}, idempotent by message id) replaces it without touching callers.
 */
public interface ConfirmationMailer {

    /** Sends the message or throws; called after the transaction that issued the token has committed. */
    void send(ConfirmationMail mail);
}

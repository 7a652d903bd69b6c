package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.NotificationClient;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * SOP step 1 from notification-service's record: the last expiry reminder for the renewed certificate that left
 * before the request was created. Asked when the renewal is created and, only if notification-service could not
 * answer then, again at submission; both outside any transaction, never while a request is locked. The answer (also
 * "none") is stored on the request, so completing it needs no other service. When neither attempt got an answer, the
 * timeline shows step 1 as not recorded.
 */
@ApplicationScoped
public class Reminders {

    /** {@code known}: notification-service answered (or there was nothing to ask); {@code sentAt}: the reminder, if any. */
    public record Answer(boolean known, Instant sentAt) {

        static final Answer UNKNOWN = new Answer(false, null);
        static final Answer NONE = new Answer(true, null);
    }

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private final NotificationClient notifications;

    Reminders(NotificationClient notifications) {
        this.notifications = notifications;
    }

    /** The same question for a request created earlier. */
    public Answer sentBefore(CertificateRequest request) {
        return sentBefore(request.type, request.certificateSerial, request.createdAt);
    }

    /** When the reminder before a request created at {@code createdAt} left, if it follows one and notification-service can say. */
    public Answer sentBefore(RequestType type, String certificateSerial, Instant createdAt) {
        if (type != RequestType.RENEWAL || certificateSerial == null) {
            return Answer.NONE;
        }
        try {
            return new Answer(true, notifications.remindersSent(certificateSerial).stream()
                    .map(NotificationClient.ReminderSent::sentAt)
                    .filter(at -> !at.isAfter(createdAt))
                    .max(Instant::compareTo).orElse(null));
        } catch (RuntimeException e) {
            LOG.infof("Reminder time of certificate %s not available now: %s", certificateSerial, e.toString());
            return Answer.UNKNOWN;
        }
    }
}

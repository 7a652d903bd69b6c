package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.NotificationClient;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * SOP step 1 from notification-service's record: the last expiry reminder for the renewed certificate that left
 * before the request was created. Asked when the renewal is created and, if notification-service could not say then,
 * again at submission; both outside any transaction, never while a request is locked. The answer is stored on the
 * request, so completing it needs no other service. When neither attempt got an answer, the timeline shows step 1
 * as not recorded.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private final NotificationClient notifications;

    Reminders(NotificationClient notifications) {
        this.notifications = notifications;
    }

    /** When the reminder before this request left, if it follows one and notification-service can say. */
    public Optional<Instant> sentBefore(CertificateRequest request) {
        return sentBefore(request.type, request.certificateSerial, request.createdAt);
    }

    /** The same, for a request about to be created now. */
    public Optional<Instant> sentBefore(RequestType type, String certificateSerial, Instant createdAt) {
        if (type != RequestType.RENEWAL || certificateSerial == null) {
            return Optional.empty();
        }
        try {
            return notifications.remindersSent(certificateSerial).stream()
                    .map(NotificationClient.ReminderSent::sentAt)
                    .filter(at -> !at.isAfter(createdAt))
                    .max(Instant::compareTo);
        } catch (RuntimeException e) {
            LOG.infof("Reminder time of certificate %s not available now: %s", certificateSerial, e.toString());
            return Optional.empty();
        }
    }
}

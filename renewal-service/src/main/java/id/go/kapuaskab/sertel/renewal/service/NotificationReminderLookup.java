package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ReminderClient;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * SOP step 1 from notification-service's record: the last expiry reminder for the renewed certificate that
 * left before the request was created. If notification-service cannot be asked, the timeline shows the step
 * as not recorded rather than failing.
 */
@ApplicationScoped
public class NotificationReminderLookup implements ReminderLookup {

    private static final Logger LOG = Logger.getLogger(NotificationReminderLookup.class);

    private final ReminderClient reminders;

    NotificationReminderLookup(ReminderClient reminders) {
        this.reminders = reminders;
    }

    @Override
    public Optional<Instant> reminderSent(CertificateRequest request) {
        if (request.certificateSerial == null) {
            return Optional.empty();
        }
        try {
            return reminders.sent(request.certificateSerial).stream()
                    .map(ReminderClient.Sent::sentAt)
                    .filter(at -> !at.isAfter(request.createdAt))
                    .max(Instant::compareTo);
        } catch (RuntimeException e) {
            LOG.debugf("Reminder time of %s not available: %s", request.id, e.toString());
            return Optional.empty();
        }
    }
}

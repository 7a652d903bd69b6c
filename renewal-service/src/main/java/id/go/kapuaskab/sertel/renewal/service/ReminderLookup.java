package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import java.time.Instant;
import java.util.Optional;

/**
^ * SOP step 1: when the expiry reminder reached the applicant. notification-service knows (its delivery log);
 * service does not yet ask it. The extension point for the integrator: provide an {@code @Alternative} bean that
 * looks the reminder up (e.g. by the predecessor's serial), and the timeline and the metrics pick it up.
 */
public interface ReminderLookup {

    /** When the reminder for the request's certificate was sent, if known. */
    Optional<Instant> reminderSent(CertificateRequest request);
}

package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Until the notification lookup exists: step 1 is "not recorded". */
@ApplicationScoped
@DefaultBean
public class NoReminderLookup implements ReminderLookup {

    @Override
    public Optional<Instant> reminderSent(CertificateRequest request) {
        return Optional.empty();
    }
}

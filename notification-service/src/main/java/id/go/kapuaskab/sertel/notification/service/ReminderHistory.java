package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.repository.ReminderLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The expiry reminders of a certificate that really went out, earliest first (renewal-service's SOP step 1). */
@ApplicationScoped
public class ReminderHistory {

    /** One reminder that left: days before expiry, and when. */
    public record Sent(int thresholdDays, Instant sentAt) {
    }

    private final ReminderLedger ledger;

    ReminderHistory(ReminderLedger ledger) {
        this.ledger = ledger;
    }

    public List<Sent> sent(String certificateSerial) {
        return ledger.sent(certificateSerial).stream().map(s -> new Sent(s.thresholdDays(), s.sentAt())).toList();
    }
}

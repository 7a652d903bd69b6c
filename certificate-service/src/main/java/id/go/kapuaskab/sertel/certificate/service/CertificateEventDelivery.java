package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.client.NotificationClient;
import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers certificate events to notification-service's intake (topic {@value CertificateEvents#TOPIC}), a
 * certificate's events in the order they happened. The receiver de-duplicates by event id, so a retry after a lost
 * answer is harmless; a refusal (the event is malformed for the receiver) is DEAD, for an operator.
 */
@ApplicationScoped
public class CertificateEventDelivery implements OutboxHandler {

    private final NotificationClient notifications;

    CertificateEventDelivery(NotificationClient notifications) {
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return CertificateEvents.TOPIC;
    }

    @Override
    public Outcome handle(OutboxItem item) {
        try {
            notifications.deliver(item.payload());
            return Outcome.done();
        } catch (PeerRejected e) {
            return Outcome.dead(e.code(), "notification-service refused the event: " + e.status() + " " + e.code());
        }
    }
}

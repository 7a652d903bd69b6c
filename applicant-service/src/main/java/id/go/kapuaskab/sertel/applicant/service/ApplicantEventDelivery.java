package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.client.NotificationClient;
import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers this service's integration events ({@link ApplicantEvents}) to notification-service's
 * {@code POST /internal/integration-events} with this service's own token. The receiver de-duplicates by event id, so a
 * retry after a lost answer is harmless; a refusal (the receiver finds the event malformed) is DEAD, for an operator.
 */
@ApplicationScoped
public class ApplicantEventDelivery implements OutboxHandler {

    private final NotificationClient notifications;
    private final ServiceToken token;

    ApplicantEventDelivery(NotificationClient notifications, ServiceToken token) {
        this.notifications = notifications;
        this.token = token;
    }

    @Override
    public String topic() {
        return ApplicantEvents.TOPIC;
    }

    @Override
    public Outcome handle(OutboxItem item) {
        try {
            notifications.integrationEvent(token.get(), item.payload());
            return Outcome.done();
        } catch (PeerRejected e) {
            return Outcome.dead(e.code(), "notification-service refused the event: " + e.status() + " " + e.code());
        }
    }
}

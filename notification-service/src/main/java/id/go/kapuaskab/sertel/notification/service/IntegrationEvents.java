package id.go.kapuaskab.sertel.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.IntegrationEvent;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.repository.IntegrationEventStore;
import id.go.kapuaskab.sertel.notification.repository.SubscriptionStore;
import id.go.kapuaskab.sertel.notification.repository.WebhookDeliveryStore;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The intake of integration events and their fan-out: an event is recorded once (by id) and, in the same
 * transaction, one delivery per enabled subscription of its type that may see its institution goes into the outbox.
 * Other services hand events over through {@code POST /internal/integration-events}, each only the types it owns;
 * this service's own events (request states, expiry warnings) are fanned out inside the transaction of their cause.
 */
@ApplicationScoped
public class IntegrationEvents {

    /** This service as the source of the events it derives itself. */
    public static final String SELF = "notification-service";

    /** {@code duplicate}: the event id was received before; {@code deliveries}: how many deliveries it caused. */
    public record Accepted(UUID eventId, boolean duplicate, int deliveries) {
    }

    private final IntegrationEventStore events;
    private final SubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    IntegrationEvents(IntegrationEventStore events, SubscriptionStore subscriptions, WebhookDeliveryStore deliveries, ObjectMapper json,
                      Clock clock) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** An event another service hands over: it must own the type, and the data must be ids and states only. */
    public Accepted accept(Caller caller, IntegrationEvent event) {
        EventType.Emitter allowed = caller.is(Caller.CERTIFICATE_SERVICE) ? EventType.Emitter.CERTIFICATE_SERVICE
                : caller.is(Caller.APPLICANT_SERVICE) ? EventType.Emitter.APPLICANT_SERVICE : null;
        if (event.type().emitter() != allowed) {
            throw DomainException.forbidden("integration-event.type-not-allowed", event.type().wire());
        }
        EventData.check(event.data());
        Optional<Integer> fanned = QuarkusTransaction.requiringNew().call(() -> fanOut(event, caller.subject()));
        if (fanned.isPresent()) {
            return new Accepted(event.eventId(), false, fanned.get());
        }
        return new Accepted(event.eventId(), true, events.deliveriesOf(event.eventId()).orElse(0));
    }

    /**
     * Records the event and queues its deliveries in the caller's transaction; the number of deliveries, or empty
     * when the event id was recorded before (nothing new is queued).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Integer> fanOut(IntegrationEvent event, String source) {
        Instant now = clock.instant();
        if (!events.insert(event, body(event), source, now)) {
            return Optional.empty();
        }
        List<Subscription> receivers = subscriptions.receivers(event.type(), event.institutionId());
        for (Subscription s : receivers) {
            deliveries.add(new WebhookDelivery(UUID.randomUUID(), s.id(), event.eventId(), event.type().wire(), event.subject(),
                    event.occurredAt(), WebhookDelivery.Status.PENDING, 0, null, null, now, null, null, now));
        }
        if (!receivers.isEmpty()) {          // the row was written with 0: an event nobody subscribed to is not updated again
            events.deliveries(event.eventId(), receivers.size());
        }
        return Optional.of(receivers.size());
    }

    /** The Standard Webhooks body: {@code {"type","timestamp","data"}}, data keys in a stable order. */
    private String body(IntegrationEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wire());
        body.put("timestamp", event.occurredAt().toString());
        body.put("data", new TreeMap<>(event.data()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

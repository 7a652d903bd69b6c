package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.ApplicantClient;
import id.go.kapuaskab.sertel.notification.client.Holder;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.InboundEvents;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns workflow events into mail: a submitted request to the verifiers of the applicant's institution; returned,
 * rejected, approved and completed to the applicant; a cancelled one to nobody. The recipients come with the event
 * (renewal-service read them in the command that caused it); only an event without them is completed by a lookup at
 * applicant-service, before the event is accepted, so a 202 means the messages are in the outbox; while
 * applicant-service is unreachable such an event is refused with 503 and renewal-service's outbox delivers it again.
 * Each event also becomes a {@code request.state-changed} integration event for webhook subscribers, in the same
 * transaction.
 */
@ApplicationScoped
public class WorkflowEvents {

    private static final Logger LOG = Logger.getLogger(WorkflowEvents.class);

    /** {@code duplicate}: the event was handled before; {@code messages}: how many messages it caused. */
    public record Outcome(boolean duplicate, int messages) {
    }

    private final ApplicantClient applicants;
    private final InboundEvents events;
    private final MailComposer composer;
    private final IntegrationEvents integration;
    private final Clock clock;

    WorkflowEvents(ApplicantClient applicants, InboundEvents events, MailComposer composer, IntegrationEvents integration, Clock clock) {
        this.applicants = applicants;
        this.events = events;
        this.composer = composer;
        this.integration = integration;
        this.clock = clock;
    }

    public Outcome accept(WorkflowEvent event) {
        if (events.seen(event.eventId())) {
            return new Outcome(true, 0);
        }
        Instant now = clock.instant();
        List<Delivery> deliveries;
        try {
            deliveries = deliveriesOf(event, now);
        } catch (RuntimeException e) {
            LOG.warnf("Event %s not accepted: recipients cannot be looked up (%s)", event.eventId(), e.toString());
            throw new DomainException(ProblemKind.UNAVAILABLE, "notification.recipients-unavailable").retryAfter(Duration.ofSeconds(30));
        }
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            if (!events.record(event.eventId(), event.type().name(), event.requestId(), now, deliveries)) {
                return false;
            }
            RequestStates.of(event, now).ifPresent(e -> integration.fanOut(e, IntegrationEvents.SELF));
            return true;
        });
        if (!recorded) {
            return new Outcome(true, 0);
        }
        return new Outcome(false, deliveries.size());
    }

    private List<Delivery> deliveriesOf(WorkflowEvent event, Instant now) {
        DeliveryKind kind = switch (event.type()) {
            case REQUEST_CANCELLED -> null;
            default -> DeliveryKind.valueOf(event.type().name());
        };
        if (kind == null) {
            return List.of();
        }
        Optional<Holder> applicant = event.applicant() != null ? Optional.of(event.applicant().holder())
                : applicants.applicant(event.applicantId());
        if (kind != DeliveryKind.REQUEST_SUBMITTED) {
            return List.of(applicant.map(a -> message(event, kind, a, null, now))
                    .orElseGet(() -> unknownRecipient(event, kind, now, "applicant")));
        }
        List<Holder> verifiers = event.verifiers() != null ? event.verifiers().stream().map(WorkflowEvent.Person::holder).toList()
                : event.institutionId() == null ? List.of() : applicants.verifiers(event.institutionId()).orElse(List.of());
        if (verifiers.isEmpty()) {
            return List.of(unknownRecipient(event, kind, now, "verifiers"));
        }
        String applicantName = applicant.map(Holder::fullName).orElse("-");
        List<Delivery> deliveries = new ArrayList<>();
        for (Holder verifier : verifiers) {
            deliveries.add(message(event, kind, verifier, applicantName, now));
        }
        return deliveries;
    }

    private Delivery message(WorkflowEvent event, DeliveryKind kind, Holder to, String applicantName, Instant now) {
        String lang = to.lang();
        Map<String, Object> data = new HashMap<>();
        data.put("name", to.fullName());
        data.put("applicantName", applicantName);
        data.put("requestType", composer.requestType(event.requestType(), lang));
        data.put("occurredAt", composer.when(event.occurredAt() == null ? now : event.occurredAt(), lang));
        data.put("reason", event.reason());
        data.put("serial", event.certificateSerial());
        data.put("notBefore", composer.when(event.notBefore(), lang));
        data.put("notAfter", composer.when(event.notAfter(), lang));
        data.put("link", composer.requestLink(event.requestId()));
        Delivery d = Delivery.pending(kind.name(), "event:" + event.eventId() + ":" + to.id(), now)
                .to(to.id(), to.email(), lang)
                .content(composer.renderWorkflow(kind, event.requestType(), lang, data));
        return link(d, event);
    }

    private static Delivery unknownRecipient(WorkflowEvent event, DeliveryKind kind, Instant now, String who) {
        Delivery d = Delivery.pending(kind.name(), "event:" + event.eventId() + ":none", now)
                .to(kind == DeliveryKind.REQUEST_SUBMITTED ? null : event.applicantId(), null, "id");
        d.status = DeliveryStatus.SKIPPED;
        d.nextAttemptAt = null;
        d.reason = "REQUEST_SUBMITTED".equals(kind.name()) ? "NO_VERIFIERS" : "RECIPIENT_UNKNOWN";
        LOG.infof("Event %s (%s): no %s to write to", event.eventId(), kind, who);
        return link(d, event);
    }

    private static Delivery link(Delivery d, WorkflowEvent event) {
        d.eventId = event.eventId();
        d.requestId = event.requestId();
        d.certificateSerial = event.certificateSerial();
        return d;
    }
}

package id.go.kapuaskab.sertel.renewal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work a request's state change causes, written into the outbox in the caller's transaction: the state change
 * and its work commit together or not at all. The items are about the request (reference = request id); a request's
 * events are delivered in the order they were written. Events carry their recipients' names, e-mail addresses and
 * languages (the outbox is this service's own table; nothing here is logged).
 */
@ApplicationScoped
public class RequestOutbox {

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    RequestOutbox(Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Asks the CA to issue (CSR) or to revoke for this request, once, whatever happens to this replica. */
    public void caWork(CertificateRequest r) {
        OutboxKind kind = r.type == RequestType.REVOCATION ? OutboxKind.CA_REVOKE : OutboxKind.CA_ISSUE;
        outbox.enqueue(Outbox.item(kind.topic()).about(r.id.toString()));
    }

    /**
     * A workflow event for notification-service; its outbox item id is its {@code eventId}. It names the applicant
     * to write to (from the request's snapshot, once there is one), so notification-service looks nobody up.
     */
    public void event(CertificateRequest r, EventType type) {
        if (type == EventType.REQUEST_SUBMITTED) {
            throw new IllegalArgumentException("a submission's event names its verifiers: submitted(request, verifiers)");
        }
        write(r, type, null);
    }

    /**
     * The SUBMITTED event, with the verifiers of the applicant's institution read in the same call as the applicant's
     * data; null when applicant-service did not list them (notification-service then looks them up).
     */
    public void submitted(CertificateRequest r, List<ApplicantSnapshot.Verifier> verifiers) {
        write(r, EventType.REQUEST_SUBMITTED, verifiers == null ? null
                : verifiers.stream().map(v -> recipient(v.id(), v.fullName(), v.email(), v.language())).toList());
    }

    private void write(CertificateRequest r, EventType type, List<Map<String, Object>> verifiers) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("type", type.name());
        body.put("occurredAt", clock.instant());
        body.put("requestId", r.id);
        body.put("requestType", r.type.name());
        body.put("applicantId", r.applicantId);
        body.put("institutionId", r.institutionId);
        body.put("reason", type == EventType.REQUEST_RETURNED || type == EventType.REQUEST_REJECTED
                || type == EventType.REQUEST_CANCELLED ? r.reason : null);
        boolean completed = type == EventType.REQUEST_COMPLETED;
        body.put("certificateSerial", completed ? (r.issuedSerial != null ? r.issuedSerial : r.certificateSerial) : null);
        body.put("notBefore", completed ? r.issuedNotBefore : null);
        body.put("notAfter", completed ? r.issuedNotAfter : null);
        if (r.hasSnapshot() && r.snapshot.language != null) {       // a snapshot taken before languages were kept: looked up
            body.put("applicant", recipient(r.applicantId, r.snapshot.fullName, r.snapshot.email, r.snapshot.language));
        }
        if (verifiers != null) {
            body.put("verifiers", verifiers);
        }
        try {
            outbox.enqueue(Outbox.item(OutboxKind.EVENT.topic()).id(id).about(r.id.toString()).orderedBy("events:" + r.id)
                    .payload(mapper.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> recipient(UUID id, String fullName, String email, String language) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id);
        person.put("fullName", fullName);
        person.put("email", email);
        person.put("language", language);
        return person;
    }
}

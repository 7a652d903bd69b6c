package id.go.kapuaskab.sertel.certificate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.CertificateEventType;
import id.go.kapuaskab.sertel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A certificate's status changes as events for regional systems' webhooks (issued, revoked, suspended, resumed:
 * {@link CertificateEventType}), written into the outbox in the transaction of the change itself: the change and its
 * event commit together or not at all. Delivered to notification-service by {@link CertificateEventDelivery}, one
 * certificate's events in the order they happened. Ids and states only: the holder's name, e-mail and NIK never
 * leave in an event.
 */
@ApplicationScoped
public class CertificateEvents {

    public static final String TOPIC = "integration.event";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    CertificateEvents(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void issued(Certificate c) {
        outbox.enqueue(item(CertificateEventType.ISSUED, c));
    }

    /** {@code certificate.issued}, written by a statement of the caller's when its member {@code guard} returns a row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outbox.Staged issuedWith(Certificate c, String guard) {
        return outbox.stage(item(CertificateEventType.ISSUED, c), guard);
    }

    /** {@code certificate.revoked}, or {@code certificate.suspended} for a hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(Certificate c, boolean hold) {
        outbox.enqueue(item(hold ? CertificateEventType.SUSPENDED : CertificateEventType.REVOKED, c));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resumed(Certificate c) {
        outbox.enqueue(item(CertificateEventType.RESUMED, c));
    }

    private Outbox.Item item(CertificateEventType type, Certificate c) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serial", c.serial);
        data.put("status", c.status.name());
        data.put("holderId", c.holderId.toString());
        data.put("institutionId", c.institutionId.toString());
        data.put("notBefore", c.notBefore.toString());
        data.put("notAfter", c.notAfter.toString());
        if (c.revocationReason != null) {
            data.put("reason", c.revocationReason.name());
        }
        if (c.predecessorSerial != null) {
            data.put("predecessorSerial", c.predecessorSerial);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId.toString());
        event.put("type", type.wire());
        event.put("occurredAt", clock.instant().toString());
        event.put("subject", c.serial);
        event.put("institutionId", c.institutionId.toString());
        event.put("data", data);
        try {
            return Outbox.item(TOPIC).id(eventId).about(c.serial).orderedBy("certificate:" + c.serial)
                    .payload(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

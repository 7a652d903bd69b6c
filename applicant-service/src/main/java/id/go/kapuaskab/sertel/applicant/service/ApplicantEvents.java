package id.go.kapuaskab.sertel.applicant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code applicant.data-changed} for regional systems' webhooks (docs/ARCHITECTURE.md, "Integration events"), written
 * into the outbox (topic {@value #TOPIC}) in the transaction of the approval itself, so the change and its event commit
 * together or not at all; {@link ApplicantEventDelivery} hands them to notification-service, one applicant's events in
 * order. Ids, versions and a flag only: never a name, e-mail, NIK, NIP or phone number.
 * <p>
 * notification-service shows an event to the subscriptions that may see its {@code institutionId}. A move to another
 * institution is told to both: one event for the new institution and one for the one the person left, so the old
 * institution's systems learn that the person is no longer theirs.
 */
@ApplicationScoped
public class ApplicantEvents {

    static final String TOPIC = "integration.event";
    static final String DATA_CHANGED = "applicant.data-changed";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    ApplicantEvents(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** The approved change {@code d} made {@code a} what it is now; {@code previousInstitution} is where it was before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dataChanged(Applicant a, DataChange d, UUID previousInstitution) {
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantId", a.id.toString());
        data.put("dataVersion", a.dataVersion);
        data.put("subjectChanged", d.subjectChange);
        data.put("dataChangeId", d.id.toString());
        data.put("institutionId", a.institution.id.toString());
        if (!previousInstitution.equals(a.institution.id)) {
            data.put("previousInstitutionId", previousInstitution.toString());
            enqueue(a, data, previousInstitution, now);
        }
        enqueue(a, data, a.institution.id, now);
    }

    private void enqueue(Applicant a, Map<String, Object> data, UUID institution, Instant now) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId.toString());
        event.put("type", DATA_CHANGED);
        event.put("occurredAt", now.toString());
        event.put("subject", a.id.toString());
        event.put("institutionId", institution.toString());
        event.put("data", data);
        try {
            outbox.enqueue(Outbox.item(TOPIC).id(eventId).about(a.id.toString()).orderedBy("applicant:" + a.id)
                    .payload(json.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code request.state-changed} from renewal-service's workflow events: the request id, its type and new state, the
 * applicant's and institution's ids and, once completed, the new certificate's serial. Never the verifier's reason
 * (free text) or anything else personal. The event id is derived from the workflow event's, so a workflow event
 * delivered twice makes one integration event. A workflow event without an institution (none of renewal-service's
 * lack one) could be shown to no integration client, and is not derived.
 */
final class RequestStates {

    private RequestStates() {
    }

    static Optional<IntegrationEvent> of(WorkflowEvent e, Instant now) {
        if (e.institutionId() == null) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", e.requestId().toString());
        data.put("requestType", e.requestType());
        data.put("state", e.type().name().substring("REQUEST_".length()));
        data.put("applicantId", e.applicantId().toString());
        data.put("institutionId", e.institutionId().toString());
        if (e.certificateSerial() != null) {
            data.put("certificateSerial", e.certificateSerial());
        }
        UUID id = UUID.nameUUIDFromBytes((EventType.REQUEST_STATE_CHANGED.wire() + ":" + e.eventId()).getBytes(StandardCharsets.UTF_8));
        return Optional.of(new IntegrationEvent(id, EventType.REQUEST_STATE_CHANGED, e.occurredAt() == null ? now : e.occurredAt(),
                e.requestId().toString(), e.institutionId(), data));
    }
}

package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.Holder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event of renewal-service's request workflow (docs/ARCHITECTURE.md, "notification-service"). {@code applicant}
 * (the applicant as of the event) and {@code verifiers} (for a submission: the institution's active verifiers) are
 * the recipients as renewal-service read them; null when the event does not carry them (an event written before they
 * were carried, or a request that never had a snapshot), and then they are looked up. An empty {@code verifiers} list
 * means the institution has none.
 */
public record WorkflowEvent(UUID eventId, Type type, Instant occurredAt, UUID requestId, String requestType, UUID applicantId,
                            UUID institutionId, String reason, String certificateSerial, Instant notBefore, Instant notAfter,
                            Person applicant, List<Person> verifiers) {

    /** Someone the event's mail goes to, as renewal-service read them from applicant-service. */
    public record Person(UUID id, String fullName, String email, String language) {

        Holder holder() {
            return new Holder(id, null, fullName, email, language);
        }

        @Override
        public String toString() {
            return "Person[id=" + id + "]";
        }
    }

    public enum Type {
        REQUEST_SUBMITTED, REQUEST_RETURNED, REQUEST_REJECTED, REQUEST_APPROVED, REQUEST_COMPLETED, REQUEST_CANCELLED
    }
}

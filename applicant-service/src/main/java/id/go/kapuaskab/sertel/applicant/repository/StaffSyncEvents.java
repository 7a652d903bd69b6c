package id.go.kapuaskab.sertel.applicant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The staffing system's events already applied (table {@code staff_sync_event}): claimed at the start of an item's
 * transaction, so two calls carrying the same event wait for each other instead of both applying it, and completed with
 * the result in the same transaction. A rolled-back item (refused) leaves no claim.
 */
@ApplicationScoped
public class StaffSyncEvents {

    /** The first result of an event. */
    public record Done(String fingerprint, String outcome, UUID applicantId, UUID dataChangeId, UUID revocationRequestId, List<String> changedFields) {
    }

    private final EntityManager em;

    StaffSyncEvents(EntityManager em) {
        this.em = em;
    }

    /** True when this event is new for this client (claimed now); false when it was applied before, also concurrently. */
    public boolean claim(String clientId, String eventId, String fingerprint, Instant now) {
        return em.createNativeQuery("""
                        INSERT INTO staff_sync_event (client_id, event_id, fingerprint, processed_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, clientId).setParameter(2, eventId).setParameter(3, fingerprint).setParameter(4, now).executeUpdate() == 1;
    }

    /** The result of an event claimed in this transaction. */
    public record Result(String outcome, UUID applicantId, UUID dataChangeId, UUID revocationRequestId, List<String> changedFields) {
    }

    public void complete(String clientId, String eventId, Result r) {
        em.createNativeQuery("""
                        UPDATE staff_sync_event SET outcome = ?3, applicant_id = ?4, data_change_id = ?5, changed_fields = ?6,
                               revocation_request_id = ?7
                        WHERE client_id = ?1 AND event_id = ?2""")
                .setParameter(1, clientId).setParameter(2, eventId).setParameter(3, r.outcome()).setParameter(4, r.applicantId())
                .setParameter(5, r.dataChangeId()).setParameter(6, String.join(",", r.changedFields()))
                .setParameter(7, r.revocationRequestId()).executeUpdate();
    }

    public Optional<Done> find(String clientId, String eventId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT fingerprint, outcome, applicant_id, data_change_id, revocation_request_id, changed_fields FROM staff_sync_event
                        WHERE client_id = ?1 AND event_id = ?2""")
                .setParameter(1, clientId).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        String fields = (String) r[5];
        return Optional.of(new Done(((String) r[0]).strip(), (String) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4],
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","))));
    }
}

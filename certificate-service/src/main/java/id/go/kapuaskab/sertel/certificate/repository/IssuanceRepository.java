package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.Issuance;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssuanceRepository implements PanacheRepositoryBase<Issuance, UUID> {

    /**
     * Records the intent unless one exists for this request id. A concurrent insert of the same id waits for the
     * other transaction and then inserts nothing: PostgreSQL's unique index is the arbiter.
     *
     * @return whether this call recorded it
     */
    public boolean insertIntentIfAbsent(UUID requestId, String contentHash, String serial, boolean keyGenerated, Instant now) {
        return getEntityManager().createNativeQuery("INSERT INTO issuance (request_id, content_hash, serial, state, key_generated, created_at)"
                        + " VALUES (:id, :hash, :serial, 'INTENT', :kg, :now) ON CONFLICT (request_id) DO NOTHING")
                .setParameter("id", requestId).setParameter("hash", contentHash).setParameter("serial", serial)
                .setParameter("kg", keyGenerated).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Marks an intent recorded by this transaction as issued: one UPDATE, no load of the row this transaction holds. */
    public void markIssued(UUID requestId, Instant now) {
        getEntityManager().createNativeQuery("UPDATE issuance SET state = 'ISSUED', completed_at = :now WHERE request_id = :id")
                .setParameter("now", now).setParameter("id", requestId).executeUpdate();
    }

    public Optional<Issuance> findForUpdate(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}

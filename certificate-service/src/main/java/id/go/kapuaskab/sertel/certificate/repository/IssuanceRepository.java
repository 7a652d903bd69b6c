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
     * Records the request as issued, with its reserved serial, unless a record exists for this request id. It is
     * written in its final state at once because the signature, the certificate and this row commit in one
     * transaction (or none of them does): no other transaction can see the row before it is true. A concurrent
     * insert of the same id waits for this transaction and then inserts nothing: PostgreSQL's unique index is the
     * arbiter. (Rows in state INTENT come from before issue 21, when the intent committed on its own first.)
     *
     * @return whether this call recorded it
     */
    public boolean recordIfAbsent(UUID requestId, String contentHash, String serial, boolean keyGenerated, Instant now) {
        return getEntityManager().createNativeQuery("INSERT INTO issuance (request_id, content_hash, serial, state, key_generated,"
                        + " created_at, completed_at) VALUES (:id, :hash, :serial, 'ISSUED', :kg, :now, :now)"
                        + " ON CONFLICT (request_id) DO NOTHING")
                .setParameter("id", requestId).setParameter("hash", contentHash).setParameter("serial", serial)
                .setParameter("kg", keyGenerated).setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Optional<Issuance> findForUpdate(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}

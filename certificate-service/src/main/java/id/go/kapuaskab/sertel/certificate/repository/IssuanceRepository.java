package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.Issuance;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssuanceRepository implements PanacheRepositoryBase<Issuance, UUID> {

    private static final String RECORD = """
            WITH intent AS (
                INSERT INTO issuance (request_id, content_hash, serial, state, key_generated, created_at, completed_at)
                VALUES (CAST(:request AS uuid), :hash, :serial, 'ISSUED', CAST(:generated AS boolean),
                        CAST(:created AS timestamptz), CAST(:created AS timestamptz))
                ON CONFLICT (request_id) DO NOTHING
                RETURNING serial),
            certified AS (
                INSERT INTO certificate (%s)
                SELECT %s FROM intent
                ON CONFLICT (key_fingerprint) DO NOTHING
                RETURNING serial)
            SELECT (SELECT count(*) FROM intent), (SELECT count(*) FROM certified)"""
            .formatted(CertificateInsert.COLUMNS, CertificateInsert.VALUES);

    /** What {@link #record} did. */
    public enum Recorded {
        /** The intent and the certificate are written. */
        RECORDED,
        /** Nothing is written: this request id was recorded before (or by a concurrent call that has just committed). */
        REQUEST_SEEN,
        /** The intent is written, the certificate is not: its key was certified before. The transaction must roll back. */
        KEY_CERTIFIED
    }

    /**
     * Records the request as issued together with its certificate, in one statement: the intent's row (unless this
     * request id has one) and, only if that was written, the certificate's (unless its key was certified before).
     * The intent is written in its final state at once because it commits with the certificate or not at all: no
     * other transaction sees it before it is true. PostgreSQL's unique indexes are the arbiters: a concurrent call with
     * the same request id waits for this transaction and then writes nothing; one with the same key and another request
     * id waits, then writes no certificate (its intent goes with its rollback). (Rows in state
     * INTENT come from before issue 21, when the intent committed on its own first.)
     */
    public Recorded record(String contentHash, Certificate c) {
        Object[] counts = (Object[]) CertificateInsert.bind(getEntityManager().createNativeQuery(RECORD), c)
                .setParameter("hash", contentHash)
                .getSingleResult();
        if (((Number) counts[0]).intValue() == 0) {
            return Recorded.REQUEST_SEEN;
        }
        return ((Number) counts[1]).intValue() == 1 ? Recorded.RECORDED : Recorded.KEY_CERTIFIED;
    }

    public Optional<Issuance> findForUpdate(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}

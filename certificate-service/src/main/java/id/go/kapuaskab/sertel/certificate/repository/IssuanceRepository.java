package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.Issuance;
import id.go.kapuaskab.sertel.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssuanceRepository implements PanacheRepositoryBase<Issuance, UUID> {

    /** The member of {@link #record}'s statement that returns the certificate's serial once it is written. */
    public static final String CERTIFIED = "certified";

    private static final String RECORD = """
            WITH intent AS (
                INSERT INTO issuance (request_id, content_hash, serial, state, key_generated, created_at, completed_at)
                VALUES (?, ?, ?, 'ISSUED', ?, ?, ?)
                ON CONFLICT (request_id) DO NOTHING
                RETURNING serial),
            %s AS (
                INSERT INTO certificate (%s)
                SELECT %s FROM intent
                ON CONFLICT (key_fingerprint) DO NOTHING
                RETURNING serial),
            """.formatted(CERTIFIED, CertificateInsert.COLUMNS, CertificateInsert.VALUES);

    /** What {@link #record} did. */
    public enum Recorded {
        /** The intent, the certificate, the event and (unless every audit lane was held) the audit record are written. */
        RECORDED,
        /** Nothing is written: this request id was recorded before (or by a concurrent call that has just committed). */
        REQUEST_SEEN,
        /** The intent is written, nothing else: the key was certified before. The transaction must roll back. */
        KEY_CERTIFIED
    }

    private final AgroalDataSource db;

    IssuanceRepository(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Records the request as issued together with its certificate, its audit record and its event, in one statement:
     * the intent's row (unless this request id has one) and, only if that was written, the certificate's (unless its
     * key was certified before), and, only if that was written, the audit record and the outbox event, both staged
     * with the guard {@link #CERTIFIED}. The intent is written in its final state at once because it commits with the
     * certificate or not at all: no other transaction sees it before it is true. PostgreSQL's unique indexes are the
     * arbiters: a concurrent call with the same request id waits for this transaction and then writes nothing; one
     * with the same key and another request id waits, then writes no certificate (its intent goes with its rollback).
     * The audit record is not written when every audit lane was held by other transactions; {@link
     * AuditTrail.Staged#ensureWritten} appends it then. (Rows in state INTENT come from before issue 21, when the intent
     * committed on its own first.)
     */
    public Recorded record(String contentHash, Certificate c, AuditTrail.Staged audit, Outbox.Staged event) {
        String sql = RECORD + audit.members() + ",\n" + event.members() + "\nSELECT (SELECT count(*) FROM intent), (SELECT count(*) FROM "
                + CERTIFIED + "), " + audit.result() + ", " + event.result();
        try (Connection conn = db.getConnection(); PreparedStatement s = conn.prepareStatement(sql)) {
            int i = 1;
            s.setObject(i++, c.requestId);
            s.setString(i++, contentHash);
            s.setString(i++, c.serial);
            s.setBoolean(i++, c.keyGenerated);
            s.setObject(i++, CertificateInsert.odt(c.createdAt));
            s.setObject(i++, CertificateInsert.odt(c.createdAt));
            i = CertificateInsert.bind(s, i, c);
            i = audit.bind(s, i);
            event.bind(s, i);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return Recorded.REQUEST_SEEN;
                }
                if (rs.getInt(2) == 0) {
                    return Recorded.KEY_CERTIFIED;
                }
                audit.read(rs, 3);
                if (!event.written(rs, 4)) {
                    throw new IllegalStateException("The certificate.issued event of " + c.serial + " was not written");
                }
                return Recorded.RECORDED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record issuance " + c.requestId, e);
        }
    }

    public Optional<Issuance> findForUpdate(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}

package id.go.kapuaskab.sertel.applicant.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recovery codes of the second factor, as SHA-256 hashes; each usable once. */
@ApplicationScoped
public class RecoveryCodes {

    public void replace(UUID accountId, List<byte[]> hashes, Instant now) {
        deleteAll(accountId);
        for (byte[] h : hashes) {
            Panache.getEntityManager().createNativeQuery(
                            "INSERT INTO recovery_code (id, account_id, code_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, accountId).setParameter(3, h).setParameter(4, now)
                    .executeUpdate();
        }
    }

    /** Uses a code up; false when it is unknown, used, or another account's. */
    public boolean use(UUID accountId, byte[] hash, Instant now) {
        return Panache.getEntityManager().createNativeQuery(
                        "UPDATE recovery_code SET used_at = ?1 WHERE account_id = ?2 AND code_hash = ?3 AND used_at IS NULL")
                .setParameter(1, now).setParameter(2, accountId).setParameter(3, hash).executeUpdate() == 1;
    }

    public long unused(UUID accountId) {
        return ((Number) Panache.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM recovery_code WHERE account_id = ?1 AND used_at IS NULL").setParameter(1, accountId)
                .getSingleResult()).longValue();
    }

    public void deleteAll(UUID accountId) {
        Panache.getEntityManager().createNativeQuery("DELETE FROM recovery_code WHERE account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
    }
}

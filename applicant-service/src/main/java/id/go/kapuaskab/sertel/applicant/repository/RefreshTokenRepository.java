package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.RefreshToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Optional<RefreshToken> findByHash(byte[] hash) {
        return find("tokenHash", (Object) hash).firstResultOptional();
    }

    /**
     * Marks the token used if, and only if, nobody used or revoked it before: of two concurrent refreshes
     * with one token exactly one wins, the other is treated as reuse.
     */
    public boolean markUsed(UUID id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null and revokedAt is null", now, id) == 1;
    }

    public int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public int revokeAllOf(UUID accountId, Instant now) {
        return update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId);
    }

    public int revokeAllBut(UUID accountId, UUID keepFamily, Instant now) {
        return update("revokedAt = ?1 where accountId = ?2 and familyId <> ?3 and revokedAt is null", now, accountId, keepFamily);
    }

    public long deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}

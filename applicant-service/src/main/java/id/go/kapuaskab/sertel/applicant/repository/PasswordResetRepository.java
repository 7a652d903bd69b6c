package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.PasswordReset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PasswordResetRepository implements PanacheRepositoryBase<PasswordReset, UUID> {

    public Optional<PasswordReset> findByHash(byte[] hash) {
        return find("tokenHash", (Object) hash).firstResultOptional();
    }

    public long issuedSince(UUID accountId, Instant since) {
        return count("accountId = ?1 and createdAt >= ?2", accountId, since);
    }

    /** Uses the link up, if nobody did before: of two concurrent uses exactly one wins. */
    public boolean markUsed(UUID id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null", now, id) == 1;
    }

    /** Retires every open link of the account (a new one was issued, or the password was set another way). */
    public int retireOpen(UUID accountId, Instant now) {
        return update("usedAt = ?1 where accountId = ?2 and usedAt is null", now, accountId);
    }
}

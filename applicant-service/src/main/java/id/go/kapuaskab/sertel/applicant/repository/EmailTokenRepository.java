package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.EmailToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EmailTokenRepository implements PanacheRepositoryBase<EmailToken, UUID> {

    public Optional<EmailToken> findByHash(byte[] hash) {
        return find("tokenHash", (Object) hash).firstResultOptional();
    }

    /** Uses the token up if nobody did before: of two concurrent confirmations exactly one wins. */
    public boolean markUsed(UUID id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null", now, id) == 1;
    }

    /** Retires every unused token of an account, so only the newest link works. */
    public int retireOpen(UUID accountId, Instant now) {
        return update("usedAt = ?1 where accountId = ?2 and usedAt is null", now, accountId);
    }
}

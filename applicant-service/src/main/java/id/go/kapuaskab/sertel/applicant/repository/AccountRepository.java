package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByEmail(String email) {
        return find("lower(email) = ?1", Account.normalizeEmail(email)).firstResultOptional();
    }

    public boolean existsWithRole(Role role) {
        return count("role", role) > 0;
    }

    /**
     * Records that the code of {@code step} was used, if no code of this step or a later one was used before: the
     * same code (or an older one) is never accepted twice, even by two logins at the same moment.
     */
    public boolean useTotpStep(UUID id, long step) {
        return update("totpLastStep = ?1 where id = ?2 and (totpLastStep is null or totpLastStep < ?1)", step, id) == 1;
    }

    /** Accounts whose tokens were retired since {@code since}: the revocation list. */
    public List<Account> tokensRetiredSince(Instant since) {
        return list("tokenVersionAt > ?1", since);
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The institutions a person acts for, carried in the {@code inst} claim so that other services can scope
 * verifiers and applicants without calling back: a verifier's assigned institutions, an applicant's own,
 * none for an admin (who acts for all). Read when the token is issued, so a new assignment shows in the next
 * token (at most five minutes); this service itself always checks the database.
 */
@ApplicationScoped
public class AccountScopes {

    private final Scopes scopes;

    AccountScopes(Scopes scopes) {
        this.scopes = scopes;
    }

    public List<UUID> institutionsOf(Account account) {
        return QuarkusTransaction.joiningExisting().call(() -> scopes.claimOf(account.id, account.role));
    }
}

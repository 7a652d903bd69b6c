package id.go.kapuaskab.sertel.applicant;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.service.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Creates accounts straight in the database for tests that need a person to log in as. */
@ApplicationScoped
public class TestAccounts {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;

    TestAccounts(AccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    @Transactional
    public Account create(Role role, AccountStatus status, String password) {
        Account a = Account.create("user-" + UUID.randomUUID() + "@kapuaskab.go.id", role, status, "Test User", Instant.now());
        a.passwordHash = hasher.hash(password);
        accounts.persist(a);
        return a;
    }

    @Transactional
    public void setStatus(UUID id, AccountStatus status) {
        accounts.findById(id).status = status;
    }
}

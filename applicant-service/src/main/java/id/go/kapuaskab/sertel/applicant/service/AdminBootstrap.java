package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.support.pii.Pii;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Creates the first ADMIN account from configuration when no admin exists yet, so a new deployment can be
 * administered without touching the database. Later starts change nothing, even if the settings change.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final Clock clock;

    AdminBootstrap(AccountRepository accounts, PasswordHasher hasher, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (accounts.existsWithRole(Role.ADMIN)) {
            return;
        }
        var email = config.bootstrapAdmin().email().filter(s -> !s.isBlank());
        var password = config.bootstrapAdmin().password().filter(s -> !s.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warn("No ADMIN account exists and sertel.auth.bootstrap-admin.email/password are not set: nobody can administer this system");
            return;
        }
        if (password.get().length() < config.password().minLength()) {
            throw new IllegalStateException("sertel.auth.bootstrap-admin.password is shorter than " + config.password().minLength() + " characters");
        }
        Account admin = Account.create(email.get(), Role.ADMIN, AccountStatus.ACTIVE, "Administrator", clock.instant());
        admin.passwordHash = hasher.hash(password.get());
        accounts.persist(admin);
        LOG.infof("Created the bootstrap ADMIN account %s", Pii.maskEmail(admin.email));
    }
}

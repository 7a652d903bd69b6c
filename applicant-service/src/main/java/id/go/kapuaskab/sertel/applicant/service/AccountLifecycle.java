package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin deactivates a person who left (officer or applicant) and reactivates them. Deactivation ends every
 * session and refresh token at once and raises the token version, so the person's access tokens stop working in
 * every service within seconds (see {@code TokenRevocations}); both are in the account's history with the reason.
 */
@ApplicationScoped
public class AccountLifecycle {

    private final AccountRepository accounts;
    private final RefreshTokens sessions;
    private final AccountHistory history;
    private final AccountMail mail;
    private final Clock clock;

    AccountLifecycle(AccountRepository accounts, RefreshTokens sessions, AccountHistory history, AccountMail mail, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.history = history;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public Account deactivate(Actor admin, UUID id, String reason) {
        Account a = lock(id);
        if (a.id.equals(admin.id())) {
            throw DomainException.conflict("account.self-deactivation");
        }
        if (a.status == AccountStatus.DISABLED) {
            throw DomainException.conflict("account.already-deactivated");
        }
        Instant now = clock.instant();
        a.status = AccountStatus.DISABLED;
        a.updatedAt = now;
        a.retireTokens(now);
        sessions.revokeAllOf(a.id, Optional.empty());
        history.record(a.id, admin, AccountEvent.Action.DEACTIVATED, reason);
        mail.send(MessageTemplate.ACCOUNT_DEACTIVATED, a, Map.of("at", now.toString()));
        return a;
    }

    @Transactional
    public Account reactivate(Actor admin, UUID id, String reason) {
        Account a = lock(id);
        if (a.status != AccountStatus.DISABLED) {
            throw DomainException.conflict("account.not-deactivated").with("accountStatus", a.status.name());
        }
        a.status = AccountStatus.ACTIVE;
        a.updatedAt = clock.instant();
        history.record(a.id, admin, AccountEvent.Action.REACTIVATED, reason);
        return a;
    }

    /** Tokens of this account stop saying the truth (an officer's institutions changed): they are retired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void institutionsChanged(Actor admin, Account account, String detail) {
        account.retireTokens(clock.instant());
        history.record(account.id, admin, AccountEvent.Action.INSTITUTIONS_CHANGED, detail);
    }

    private Account lock(UUID id) {
        return accounts.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound("account.not-found"));
    }
}

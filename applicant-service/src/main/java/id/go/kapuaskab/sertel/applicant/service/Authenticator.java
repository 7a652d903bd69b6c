package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * A person proving who they are, the one way for the token endpoint's password grant and the browser's login page:
 * the password, then, for an account with a second factor, a current TOTP code or an unused recovery code. Every
 * failure counts towards the user name's hold (a wrong code as much as a wrong password); an unknown account costs
 * the same hashing time as a known one and answers the same. The result says how the person authenticated
 * ({@code amr}) and whether their role requires a second factor they have not enrolled yet.
 */
@ApplicationScoped
public class Authenticator {

    /** A successful authentication. */
    public record Authenticated(Account account, String amr, boolean enrolmentRequired) {
    }

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final Devices devices;
    private final AuthMetrics metrics;
    private final AccountHistory history;

    Authenticator(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, SecondFactor secondFactor, Devices devices,
                  AuthMetrics metrics, AccountHistory history) {
        this.history = history;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.devices = devices;
        this.metrics = metrics;
    }

    /** Both steps at once (the password grant): with a second factor, {@code otp} or {@code recoveryCode} is required. */
    public Authenticated authenticate(String username, String password, String otp, String recoveryCode, Devices.Origin origin) {
        Account account = password(username, password);
        if (!account.hasSecondFactor()) {
            return complete(account, "pwd", origin);
        }
        if (blank(otp) && blank(recoveryCode)) {
            metrics.login("otp_required");
            throw invalidGrant("auth.otp-required").with("mfa", "otp");
        }
        return code(account, otp, recoveryCode, origin);
    }

    /**
     * The first step: the user name is not held, the password is right and the account ACTIVE. The caller goes on
     * with {@link #complete} (no second factor) or asks for the code ({@link #secondStep}).
     */
    public Account password(String username, String password) {
        if (blank(username) || blank(password) || username.length() > 254 || password.length() > 1024) {
            throw TokenGrants.invalidRequest("auth.missing-credentials");
        }
        String name = Account.normalizeEmail(username);
        try {
            throttle.checkNotHeld(name);
        } catch (DomainException e) {
            metrics.login("locked");
            throw e;
        }
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail(name));
        boolean matches = account.filter(a -> a.passwordHash != null)
                .map(a -> hasher.verify(password, a.passwordHash))
                .orElseGet(() -> {
                    hasher.verifyDecoy(password);
                    return false;
                });
        if (!matches) {
            failed(name, account.map(a -> a.id).orElse(null), "failure");
            throw invalidGrant("auth.invalid-credentials");
        }
        Account found = account.get();
        if (found.status != AccountStatus.ACTIVE) {
            metrics.login("failure");
            throw invalidGrant("auth.account-not-active").with("accountStatus", found.status.name());
        }
        if (hasher.isOutdated(found.passwordHash)) {
            String upgraded = hasher.hash(password);
            QuarkusTransaction.requiringNew().run(() -> accounts.findById(found.id).passwordHash = upgraded);
        }
        return found;
    }

    /** The second step of the browser login, for the account whose password a {@link LoginTickets} ticket vouches for. */
    public Authenticated secondStep(UUID accountId, String otp, String recoveryCode, Devices.Origin origin) {
        Account found = QuarkusTransaction.requiringNew().call(() -> accounts.findById(accountId));
        if (found == null || found.status != AccountStatus.ACTIVE || !found.hasSecondFactor()) {
            throw invalidGrant("auth.account-not-active");
        }
        throttle.checkNotHeld(found.email);
        if (blank(otp) && blank(recoveryCode)) {
            throw invalidGrant("auth.otp-required").with("mfa", "otp");
        }
        return code(found, otp, recoveryCode, origin);
    }

    /** A login without a second factor ends here. */
    public Authenticated complete(Account account, String amr, Devices.Origin origin) {
        throttle.recordSuccess(account.email);
        QuarkusTransaction.requiringNew().run(() -> {
            devices.loggedIn(accounts.findById(account.id), origin);
            history.record(account.id, null, AccountEvent.Action.LOGIN, amr);
        });
        metrics.login("success");
        return new Authenticated(account, amr, !account.hasSecondFactor() && secondFactor.required(account));
    }

    private Authenticated code(Account account, String otp, String recoveryCode, Devices.Origin origin) {
        boolean second = QuarkusTransaction.requiringNew().call(() -> secondFactor.verify(accounts.findById(account.id), otp, recoveryCode));
        if (!second) {
            failed(account.email, account.id, "otp_failure");
            throw invalidGrant("auth.otp-invalid").with("mfa", "otp");
        }
        return complete(account, "pwd otp", origin);
    }

    /** A failed login: counted for the hold, and in the account's history (with the start of a hold) when there is an account. */
    private void failed(String name, UUID accountId, String result) {
        metrics.login(result);
        if (accountId != null) {                           // a failure on an address with no account has no history
            QuarkusTransaction.requiringNew().run(() -> history.record(accountId, null, AccountEvent.Action.LOGIN_FAILED, result));
        }
        if (throttle.recordFailure(name)) {
            metrics.lockout();
            if (accountId != null) {
                QuarkusTransaction.requiringNew().run(() -> history.record(accountId, null, AccountEvent.Action.LOCKED, "after repeated failed logins"));
            }
        }
    }

    static DomainException invalidGrant(String code) {
        return new DomainException(ProblemKind.MALFORMED, code).with("error", "invalid_grant");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import id.go.kapuaskab.sertel.applicant.domain.PasswordReset;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.PasswordResetRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Changing and resetting passwords. A change needs the current password and ends every other session of the
 * account. A reset is asked for by e-mail address and always answered the same, whether or not an account exists
 * (nothing is revealed); an ACTIVE account gets a single-use link that expires ({@code sertel.auth.reset.ttl}), at most
 * {@code sertel.auth.reset.per-hour} an hour; setting the password through it ends every session and raises the
 * token version, so existing tokens stop working everywhere within seconds. The token is mailed once and kept only
 * as SHA-256.
 */
@ApplicationScoped
public class Passwords {

    private final AccountRepository accounts;
    private final ApplicantRepository applicants;
    private final PasswordResetRepository resets;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RefreshTokens sessions;
    private final AccountHistory history;
    private final AccountMail mail;
    private final AuthMetrics metrics;
    private final LoginThrottle throttle;
    private final AuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Passwords(AccountRepository accounts, ApplicantRepository applicants, PasswordResetRepository resets, PasswordHasher hasher,
              PasswordPolicy policy, RefreshTokens sessions, AccountHistory history, AccountMail mail, AuthMetrics metrics,
              LoginThrottle throttle, AuthConfig config, Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.applicants = applicants;
        this.resets = resets;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.history = history;
        this.mail = mail;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The person changes their own password; other sessions end and every access token issued so far is retired (the
     * current session's refresh token stays, so it gets a new access token), {@code currentSession} stays.
     */
    public void change(Actor actor, Optional<UUID> currentSession, String currentPassword, String newPassword) {
        Account seen = QuarkusTransaction.requiringNew().call(() -> accounts.findById(actor.id()));
        if (seen == null || seen.passwordHash == null) {
            throw DomainException.invalidField("currentPassword", "password.current-wrong");
        }
        // a stolen access token must not become a way to guess the password without the login's back-off: the same hold
        throttle.checkNotHeld(seen.email);
        if (currentPassword == null || !hasher.verify(currentPassword, seen.passwordHash)) {
            throttle.recordFailure(seen.email);
            throw DomainException.invalidField("currentPassword", "password.current-wrong");
        }
        check(seen, "newPassword", newPassword);
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = accounts.findById(actor.id(), LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            a.passwordHash = hash;
            a.passwordChangedAt = now;
            a.updatedAt = now;
            a.retireTokens(now);                               // every access token issued so far stops working within seconds
            sessions.revokeAllOf(a.id, currentSession);        // this session refreshes to a new one; the others cannot
            resets.retireOpen(a.id, now);
            history.record(a.id, actor, AccountEvent.Action.PASSWORD_CHANGED, "other sessions ended");
            mail.send(MessageTemplate.PASSWORD_CHANGED, a, Map.of("at", now.toString()));
        });
    }

    /** Asks for a reset link; answers nothing about whether the address has an account. */
    public void requestReset(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            throw DomainException.invalidField("email", "email.format");
        }
        String address = Account.normalizeEmail(email);
        QuarkusTransaction.requiringNew().run(() -> accounts.findByEmail(address)
                .filter(a -> a.status == AccountStatus.ACTIVE)
                .ifPresent(this::issueReset));
        metrics.passwordReset("requested");
    }

    private void issueReset(Account account) {
        Instant now = clock.instant();
        if (resets.issuedSince(account.id, now.minusSeconds(3600)) >= config.reset().perHour()) {
            return;
        }
        resets.retireOpen(account.id, now);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        PasswordReset reset = new PasswordReset();
        reset.id = UUID.randomUUID();
        reset.accountId = account.id;
        reset.tokenHash = RefreshTokens.hash(token);
        reset.createdAt = now;
        reset.expiresAt = now.plus(config.reset().ttl());
        resets.persist(reset);
        history.record(account.id, null, AccountEvent.Action.PASSWORD_RESET_REQUESTED, null);
        String link = config.reset().url() + (config.reset().url().contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mail.send(MessageTemplate.PASSWORD_RESET, account, Map.of("link", link, "expiresAt", reset.expiresAt.toString()));
    }

    /** Sets a new password with the token of a reset link: single use, before it expires. */
    public void reset(String token, String newPassword) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw DomainException.invalidField("token", "token.required");
        }
        byte[] hash = RefreshTokens.hash(token.strip());
        PasswordReset found = QuarkusTransaction.requiringNew().call(() -> resets.findByHash(hash))
                .orElseThrow(() -> DomainException.notFound("password-reset.unknown"));
        Instant now = clock.instant();
        if (found.usedAt != null) {
            throw new DomainException(ProblemKind.GONE, "password-reset.used");
        }
        if (!found.expiresAt.isAfter(now)) {
            throw new DomainException(ProblemKind.GONE, "password-reset.expired");
        }
        Account seen = QuarkusTransaction.requiringNew().call(() -> accounts.findById(found.accountId));
        check(seen, "newPassword", newPassword);
        String passwordHash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!resets.markUsed(found.id, clock.instant())) {
                throw new DomainException(ProblemKind.GONE, "password-reset.used");
            }
            Account a = accounts.findById(found.accountId, LockModeType.PESSIMISTIC_WRITE);
            Instant at = clock.instant();
            a.passwordHash = passwordHash;
            a.passwordChangedAt = at;
            a.updatedAt = at;
            a.retireTokens(at);
            sessions.revokeAllOf(a.id, Optional.empty());
            history.record(a.id, null, AccountEvent.Action.PASSWORD_RESET, "every session ended");
            mail.send(MessageTemplate.PASSWORD_CHANGED, a, Map.of("at", at.toString()));
        });
        metrics.passwordReset("completed");
    }

    /** The policy, with the account's own e-mail and, for an applicant, NIK and NIP. */
    void check(Account account, String field, String password) {
        List<String> numbers = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Applicant applicant = applicants.findById(account.id);
            if (applicant != null) {
                numbers.add(applicant.nik);
                numbers.add(applicant.nip);
            }
        });
        policy.check(field, password, account.email, numbers);
    }
}

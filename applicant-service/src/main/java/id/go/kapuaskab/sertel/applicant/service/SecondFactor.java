package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import id.go.kapuaskab.sertel.applicant.domain.Totp;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.RecoveryCodes;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The second factor (TOTP, RFC 6238): required for the roles of {@code sertel.auth.mfa.required-roles}, open to
 * every other account. Enrolment shows the secret once (as an {@code otpauth://} URI and its QR code) and becomes
 * effective only with a first code, which also hands out the recovery codes, shown once and kept as hashes. A code
 * is accepted once: its time step is recorded and no earlier or equal step counts again. An admin resets a lost
 * device; the owner may switch off a factor their role does not require.
 */
@ApplicationScoped
public class SecondFactor {

    /** What the person scans or types into the authenticator app. */
    public record Enrolment(String secret, String otpauthUri, byte[] qrPng) {
        @Override
        public String toString() {
            return "Enrolment[secret=***]";
        }
    }

    /** The second factor of an account, as its owner sees it. */
    public record Status(boolean enrolled, boolean required, long recoveryCodesLeft) {
    }

    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final RecoveryCodes recovery;
    private final SecretBox box;
    private final RefreshTokens sessions;
    private final AccountHistory history;
    private final AccountMail mail;
    private final AuthMetrics metrics;
    private final AuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(AccountRepository accounts, RecoveryCodes recovery, SecretBox box, RefreshTokens sessions, AccountHistory history,
                 AccountMail mail, AuthMetrics metrics, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.box = box;
        this.sessions = sessions;
        this.history = history;
        this.mail = mail;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public boolean required(Account account) {
        return config.mfa().requiredRoles().contains(account.role.name());
    }

    public Status status(Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = accounts.findById(actor.id());
            return new Status(a.hasSecondFactor(), required(a), a.hasSecondFactor() ? recovery.unused(a.id) : 0);
        });
    }

    /** Starts (or restarts) an enrolment: a new secret, not yet asked at login. */
    public Enrolment begin(Actor actor) {
        byte[] secret = Totp.newSecret(random);
        String email = QuarkusTransaction.requiringNew().call(() -> {
            Account a = accounts.findById(actor.id(), LockModeType.PESSIMISTIC_WRITE);
            if (a.hasSecondFactor()) {
                throw DomainException.conflict("mfa.already-enrolled");
            }
            a.totpSecret = box.seal(secret, a.id);
            a.totpConfirmedAt = null;
            a.totpLastStep = null;
            return a.email;
        });
        String label = config.mfa().issuerLabel();
        String uri = "otpauth://totp/" + encode(label) + ":" + encode(email) + "?secret=" + Totp.base32(secret) + "&issuer=" + encode(label)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(Totp.base32(secret), uri, QrCodes.png(uri, 240));
    }

    /** Confirms the enrolment with a first code; the recovery codes, shown this once. */
    public List<String> confirm(Actor actor, String code) {
        List<String> codes = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = accounts.findById(actor.id(), LockModeType.PESSIMISTIC_WRITE);
            if (a.totpSecret == null || a.totpConfirmedAt != null) {
                throw DomainException.conflict(a.totpConfirmedAt != null ? "mfa.already-enrolled" : "mfa.no-enrolment");
            }
            OptionalLong step = Totp.matchingStep(box.open(a.totpSecret, a.id), code, clock.instant(), config.mfa().window());
            if (step.isEmpty()) {
                throw DomainException.invalidField("code", "mfa.code-invalid");
            }
            Instant now = clock.instant();
            a.totpConfirmedAt = now;
            a.totpLastStep = step.getAsLong();
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < config.mfa().recoveryCodes(); i++) {
                String c = recoveryCode();
                codes.add(c);
                hashes.add(RefreshTokens.hash(c));
            }
            recovery.replace(a.id, hashes, now);
            history.record(a.id, actor, AccountEvent.Action.MFA_ENROLLED, null);
            mail.send(MessageTemplate.MFA_ENABLED, a, Map.of("at", now.toString()));
        });
        metrics.mfaChange("enrolled");
        return codes;
    }

    /** The owner switches the factor off, with a current code; not where the role requires it. */
    public void disable(Actor actor, String code) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = accounts.findById(actor.id(), LockModeType.PESSIMISTIC_WRITE);
            if (required(a)) {
                throw DomainException.conflict("mfa.required");
            }
            if (!a.hasSecondFactor()) {
                throw DomainException.conflict("mfa.no-enrolment");
            }
            if (!verify(a, code, null)) {
                throw DomainException.invalidField("code", "mfa.code-invalid");
            }
            clear(a);
            history.record(a.id, actor, AccountEvent.Action.MFA_DISABLED, null);
            mail.send(MessageTemplate.MFA_DISABLED, a, Map.of("at", clock.instant().toString(), "byAdmin", "false"));
        });
        metrics.mfaChange("disabled");
    }

    /** An admin's reset of a lost device: the factor is gone, every session ends; the owner enrols again at the next login. */
    public void reset(Actor admin, UUID accountId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = accounts.findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> DomainException.notFound("account.not-found"));
            if (!a.hasSecondFactor() && a.totpSecret == null) {
                throw DomainException.conflict("mfa.no-enrolment");
            }
            Instant now = clock.instant();
            clear(a);
            a.retireTokens(now);
            sessions.revokeAllOf(a.id, java.util.Optional.empty());
            history.record(a.id, admin, AccountEvent.Action.MFA_RESET, reason);
            mail.send(MessageTemplate.MFA_DISABLED, a, Map.of("at", now.toString(), "byAdmin", "true"));
        });
        metrics.mfaChange("reset");
    }

    /**
     * At login: a current code (never one accepted before) or an unused recovery code. Must run in a transaction;
     * a recovery code is used up with it.
     */
    boolean verify(Account a, String code, String recoveryCode) {
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            boolean used = recovery.use(a.id, RefreshTokens.hash(recoveryCode.strip().toLowerCase(java.util.Locale.ROOT)), clock.instant());
            if (used) {
                history.record(a.id, null, AccountEvent.Action.RECOVERY_CODE_USED, recovery.unused(a.id) + " left");
            }
            return used;
        }
        OptionalLong step = Totp.matchingStep(box.open(a.totpSecret, a.id), code, clock.instant(), config.mfa().window());
        return step.isPresent() && accounts.useTotpStep(a.id, step.getAsLong());
    }

    private void clear(Account a) {
        a.totpSecret = null;
        a.totpConfirmedAt = null;
        a.totpLastStep = null;
        recovery.deleteAll(a.id);
    }

    private String recoveryCode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                b.append('-');
            }
            b.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.RefreshToken;
import id.go.kapuaskab.sertel.applicant.repository.RefreshTokenRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque, rotating refresh tokens. A token is 256 random bits shown once to the client; only its SHA-256
 * is stored. Every refresh uses up the presented token and issues the next one of the same family; a used
 * token presented again means it was copied, so the whole family is revoked (RFC 9700 §4.14.2).
 */
@ApplicationScoped
public class RefreshTokens {

    private final RefreshTokenRepository tokens;
    private final AuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RefreshTokenRepository tokens, AuthConfig config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Use permits Use.Rotated, Use.Refused {
        record Rotated(UUID accountId, UUID familyId, Instant authTime, String amr, String next) implements Use {
        }

        record Refused(String code) implements Use {
        }
    }

    /** Starts a new family (a login, authenticated as {@code amr} says) and returns its first token. */
    @Transactional
    public Issued start(UUID accountId, String amr) {
        UUID family = UUID.randomUUID();
        Instant authTime = clock.instant();
        return new Issued(family, authTime, amr, issue(accountId, family, authTime, amr));
    }

    public record Issued(UUID familyId, Instant authTime, String amr, String token) {
        @Override
        public String toString() {
            return "Issued[family=" + familyId + "]";
        }
    }

    /**
     * Uses the presented token up and returns the next one, or refuses. Refusals that revoke a family commit
     * the revocation: the caller throws only after this transaction has ended.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Use rotate(String presented) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = tokens.findByHash(hash(presented));
        if (found.isEmpty()) {
            return new Use.Refused("auth.refresh-invalid");
        }
        RefreshToken token = found.get();
        if (token.revokedAt != null) {
            return new Use.Refused("auth.refresh-revoked");
        }
        if (token.usedAt != null || !tokens.markUsed(token.id, now)) {
            tokens.revokeFamily(token.familyId, now);
            return new Use.Refused("auth.refresh-reused");
        }
        if (!token.expiresAt.isAfter(now)) {
            return new Use.Refused("auth.refresh-expired");
        }
        return new Use.Rotated(token.accountId, token.familyId, token.authTime, token.amr,
                issue(token.accountId, token.familyId, token.authTime, token.amr));
    }

    /** What a logout with a refresh token did. */
    public enum Logout {
        /** The token's family is revoked. */
        ENDED,
        /** No such token: nothing to end. */
        UNKNOWN,
        /** The token is another account's: refused, and nothing changed. */
        NOT_YOURS
    }

    /**
     * Ends the session (family) of a presented token, if the caller may: a caller who is logged in may end only their
     * own sessions; without a bearer token the refresh token itself is the credential. Ownership is decided before
     * anything is written, so a refused logout leaves the owner's session alone.
     */
    @Transactional
    public Logout endFamilyOf(String presented, Optional<UUID> caller) {
        Optional<RefreshToken> found = tokens.findByHash(hash(presented));
        if (found.isEmpty()) {
            return Logout.UNKNOWN;
        }
        if (caller.isPresent() && !caller.get().equals(found.get().accountId)) {
            return Logout.NOT_YOURS;
        }
        tokens.revokeFamily(found.get().familyId, clock.instant());
        return Logout.ENDED;
    }

    @Transactional
    public void revokeFamily(UUID familyId) {
        tokens.revokeFamily(familyId, clock.instant());
    }

    @Transactional
    public void revokeAllOf(UUID accountId) {
        tokens.revokeAllOf(accountId, clock.instant());
    }

    /** Every session of the account but {@code keep} (the one the person is in when changing the password). */
    @Transactional
    public void revokeAllOf(UUID accountId, Optional<UUID> keep) {
        if (keep.isEmpty()) {
            tokens.revokeAllOf(accountId, clock.instant());
        } else {
            tokens.revokeAllBut(accountId, keep.get(), clock.instant());
        }
    }

    public long ttlSeconds() {
        return config.refreshTokenTtl().toSeconds();
    }

    /** Expired tokens are kept a day for reuse detection, then removed. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        tokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private String issue(UUID accountId, UUID familyId, Instant authTime, String amr) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.tokenHash = hash(value);
        token.familyId = familyId;
        token.accountId = accountId;
        token.issuedAt = clock.instant();
        token.expiresAt = token.issuedAt.plus(config.refreshTokenTtl());
        token.authTime = authTime;
        token.amr = amr;
        tokens.persist(token);
        return value;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

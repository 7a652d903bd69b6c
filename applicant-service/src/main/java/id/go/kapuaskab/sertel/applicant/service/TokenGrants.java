package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The OAuth 2.0 grants of the token endpoint: password (people), refresh_token (rotation) and
 * client_credentials (service identities). Failures are domain exceptions whose problem bodies also carry
 * the RFC 6749 {@code error} member, so stock OAuth clients understand them.
 */
@ApplicationScoped
public class TokenGrants {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountScopes scopes;
    private final AuthConfig config;
    private final Clock clock;

    TokenGrants(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, RefreshTokens refreshTokens,
                AccessTokens accessTokens, AccountScopes scopes, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.scopes = scopes;
        this.config = config;
        this.clock = clock;
    }

    public IssuedTokens password(String username, String password) {
        if (blank(username) || blank(password) || username.length() > 254 || password.length() > 1024) {
            throw invalidRequest("auth.missing-credentials");
        }
        String name = Account.normalizeEmail(username);
        throttle.checkNotHeld(name);
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail(name));
        boolean matches = account.filter(a -> a.passwordHash != null)
                .map(a -> hasher.verify(password, a.passwordHash))
                .orElseGet(() -> {
                    hasher.verifyDecoy(password);
                    return false;
                });
        if (!matches) {
            throttle.recordFailure(name);
            throw invalidGrant("auth.invalid-credentials");
        }
        throttle.recordSuccess(name);
        Account found = account.get();
        if (found.status != AccountStatus.ACTIVE) {
            throw invalidGrant("auth.account-not-active").with("accountStatus", found.status.name());
        }
        if (hasher.isOutdated(found.passwordHash)) {
            String upgraded = hasher.hash(password);
            QuarkusTransaction.requiringNew().run(() -> accounts.findById(found.id).passwordHash = upgraded);
        }
        RefreshTokens.Issued session = refreshTokens.start(found.id);
        return issue(found, session.familyId(), session.authTime(), session.token());
    }

    public IssuedTokens refresh(String presented) {
        if (blank(presented) || presented.length() > 128) {
            throw invalidRequest("auth.missing-refresh-token");
        }
        RefreshTokens.Use use = refreshTokens.rotate(presented);
        if (use instanceof RefreshTokens.Use.Refused refused) {
            throw invalidGrant(refused.code());
        }
        RefreshTokens.Use.Rotated rotated = (RefreshTokens.Use.Rotated) use;
        Account account = QuarkusTransaction.requiringNew().call(() -> accounts.findById(rotated.accountId()));
        if (account == null || account.status != AccountStatus.ACTIVE) {
            refreshTokens.revokeFamily(rotated.familyId());
            throw invalidGrant("auth.account-not-active");
        }
        return issue(account, rotated.familyId(), rotated.authTime(), rotated.next());
    }

    public IssuedTokens clientCredentials(String clientId, String clientSecret) {
        if (blank(clientId) || blank(clientSecret)) {
            throw invalidClient();
        }
        AuthConfig.Client client = config.clients().get(clientId);
        String expected = client == null ? null : client.secret().filter(s -> !s.isBlank()).orElse(null);
        if (expected == null || !constantTimeEquals(expected, clientSecret)) {
            throw invalidClient();
        }
        return new IssuedTokens(accessTokens.forClient(clientId, client.roles()), accessTokens.ttlSeconds(), null, null);
    }

    /** Ends a login session: the family of the given refresh token, or every session of the caller. */
    public void logout(Optional<String> refreshToken, Optional<UUID> caller) {
        if (refreshToken.filter(t -> !t.isBlank()).isPresent()) {
            if (refreshTokens.endFamilyOf(refreshToken.get(), caller) == RefreshTokens.Logout.NOT_YOURS) {
                throw DomainException.forbidden("auth.not-your-session");
            }
            return;
        }
        UUID account = caller.orElseThrow(() -> invalidRequest("auth.missing-refresh-token"));
        refreshTokens.revokeAllOf(account);
    }

    private IssuedTokens issue(Account account, UUID familyId, Instant authTime, String refreshToken) {
        String access = accessTokens.forAccount(account, scopes.institutionsOf(account), familyId, authTime);
        return new IssuedTokens(access, accessTokens.ttlSeconds(), refreshToken, refreshTokens.ttlSeconds());
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static DomainException invalidGrant(String code) {
        return new DomainException(ProblemKind.MALFORMED, code).with("error", "invalid_grant");
    }

    static DomainException invalidRequest(String code) {
        return new DomainException(ProblemKind.MALFORMED, code).with("error", "invalid_request");
    }

    private static DomainException invalidClient() {
        return new DomainException(ProblemKind.UNAUTHENTICATED, "auth.invalid-client")
                .with("error", "invalid_client")
                .challenge("Basic realm=\"sertel\"");
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The OAuth 2.0 grants of the token endpoint: authorization_code with PKCE (the browser login), password (scripts and
 * the demo; {@code sertel.auth.password-grant} can switch it off), refresh_token (rotation) and client_credentials
 * (our services' identities from the configuration, and the regional systems an admin registered, with a secret or a
 * signed assertion). A person's tokens say how they authenticated ({@code amr}) and carry the account's token
 * version ({@code ver}). Failures are domain exceptions whose problem bodies also carry the RFC 6749 {@code error}
 * member, so stock OAuth clients understand them.
 */
@ApplicationScoped
public class TokenGrants {

    private final AccountRepository accounts;
    private final Authenticator authenticator;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountScopes scopes;
    private final SecondFactor secondFactor;
    private final AuthConfig config;
    private final ClientAuthentication integrationClients;

    TokenGrants(AccountRepository accounts, Authenticator authenticator, AuthorizationCodes codes, RefreshTokens refreshTokens,
                AccessTokens accessTokens, AccountScopes scopes, SecondFactor secondFactor, AuthConfig config,
                ClientAuthentication integrationClients) {
        this.integrationClients = integrationClients;
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.scopes = scopes;
        this.config = config;
    }

    /** The password grant; with a second factor, {@code otp} (or {@code recoveryCode}) too. */
    public IssuedTokens password(String username, String password, String otp, String recoveryCode, Devices.Origin origin) {
        if (!config.passwordGrant()) {
            throw new DomainException(ProblemKind.MALFORMED, "auth.unsupported-grant-type", "password").with("error", "unsupported_grant_type");
        }
        return start(authenticator.authenticate(username, password, otp, recoveryCode, origin));
    }

    /** The browser's code, exchanged with its PKCE verifier by the client it was issued to. */
    public IssuedTokens authorizationCode(String code, String clientId, String redirectUri, String codeVerifier) {
        AuthorizationCodes.Redeemed redeemed = codes.redeem(code, clientId, redirectUri, codeVerifier);
        Account account = QuarkusTransaction.requiringNew().call(() -> accounts.findById(redeemed.accountId()));
        if (account == null || account.status != AccountStatus.ACTIVE) {
            throw invalidGrant("auth.account-not-active");
        }
        RefreshTokens.Issued session = refreshTokens.start(account.id, redeemed.amr());
        return issue(account, session.familyId(), session.authTime(), session.amr(), session.token(),
                !account.hasSecondFactor() && secondFactor.required(account));
    }

    /** A new login session for an authenticated person. */
    public IssuedTokens start(Authenticator.Authenticated who) {
        RefreshTokens.Issued session = refreshTokens.start(who.account().id, who.amr());
        return issue(who.account(), session.familyId(), session.authTime(), session.amr(), session.token(), who.enrolmentRequired());
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
        return issue(account, rotated.familyId(), rotated.authTime(), rotated.amr(), rotated.next(), false);
    }

    /** A client with its secret: one of our services (configuration) or a registered regional system. */
    public IssuedTokens clientCredentials(String clientId, String clientSecret, String scope) {
        if (blank(clientId) || blank(clientSecret)) {
            throw invalidClient();
        }
        AuthConfig.Client client = config.clients().get(clientId);
        if (client != null) {
            String expected = client.secret().filter(s -> !s.isBlank()).orElse(null);
            if (expected == null || !constantTimeEquals(expected, clientSecret)) {
                throw invalidClient();
            }
            return new IssuedTokens(accessTokens.forClient(clientId, client.roles()), accessTokens.ttlSeconds(), null, null, null);
        }
        return integration(integrationClients.bySecret(clientId, clientSecret), scope);
    }

    /** A registered regional system with a signed assertion (RFC 7523, {@code private_key_jwt}). */
    public IssuedTokens clientAssertion(String assertionType, String assertion, String clientId, String scope) {
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(assertionType) || blank(assertion)) {
            throw invalidClient();
        }
        Optional<ClientAuthentication.Authenticated> who = integrationClients.byAssertion(assertion);
        if (who.isPresent() && clientId != null && !clientId.equals(who.get().client().id)) {
            throw invalidClient();
        }
        return integration(who, scope);
    }

    /** Tokens carry the client's scopes, or the part of them it asked for (RFC 6749 §3.3), and its institutions. */
    private IssuedTokens integration(Optional<ClientAuthentication.Authenticated> who, String scope) {
        IntegrationClient c = who.orElseThrow(TokenGrants::invalidClient).client();
        Set<String> granted = c.scopeSet();
        if (!blank(scope)) {
            Set<String> asked = new LinkedHashSet<>(List.of(scope.strip().split("\\s+")));
            if (!granted.containsAll(asked)) {
                throw new DomainException(ProblemKind.MALFORMED, "auth.invalid-scope").with("error", "invalid_scope");
            }
            granted = asked;
        }
        return new IssuedTokens(accessTokens.forIntegration(c, granted), accessTokens.ttlSeconds(), null, null, null, String.join(" ", granted));
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

    private IssuedTokens issue(Account account, UUID familyId, Instant authTime, String amr, String refreshToken, boolean enrolmentRequired) {
        String access = accessTokens.forAccount(account, scopes.institutionsOf(account), familyId, authTime, amr);
        return new IssuedTokens(access, accessTokens.ttlSeconds(), refreshToken, refreshTokens.ttlSeconds(),
                enrolmentRequired ? Boolean.TRUE : null);
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static DomainException invalidGrant(String code) {
        return Authenticator.invalidGrant(code);
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

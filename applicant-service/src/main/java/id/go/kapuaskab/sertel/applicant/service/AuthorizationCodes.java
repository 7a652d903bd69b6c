package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Authorization codes of the browser login (OAuth 2.1 authorization code with PKCE, S256 only, RFC 7636): a code is
 * issued to a registered public client for one of its exact redirect URIs, kept as SHA-256, valid for
 * {@code sertel.auth.authorization-code-ttl}, and redeemed once, by that client, for that redirect URI, with the
 * verifier whose S256 digest is the challenge. Anything else is {@code invalid_grant}, revealing nothing.
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** What a redeemed code vouches for. */
    public record Redeemed(UUID accountId, String amr) {
    }

    private final AuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AuthorizationCodes(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether this public client may be sent back to this URI (exact match, as OAuth 2.1 requires). */
    public boolean redirectAllowed(String clientId, String redirectUri) {
        AuthConfig.PublicClient client = clientId == null ? null : config.publicClients().get(clientId);
        return client != null && redirectUri != null && client.redirectUris().contains(redirectUri);
    }

    public static boolean validChallenge(String challenge) {
        return challenge != null && challenge.matches("[A-Za-z0-9_-]{43}");
    }

    public String issue(UUID accountId, String amr, String clientId, String redirectUri, String challenge) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO authorization_code (code_hash, client_id, account_id, redirect_uri, code_challenge, amr, auth_time, expires_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, RefreshTokens.hash(code)).setParameter(2, clientId).setParameter(3, accountId).setParameter(4, redirectUri)
                .setParameter(5, challenge).setParameter(6, amr).setParameter(7, now).setParameter(8, now.plus(config.authorizationCodeTtl()))
                .executeUpdate());
        return code;
    }

    /** Uses the code up; {@code invalid_grant} for an unknown, used, expired or mismatched code or a wrong verifier. */
    @SuppressWarnings("unchecked")
    public Redeemed redeem(String code, String clientId, String redirectUri, String verifier) {
        if (code == null || code.isBlank() || code.length() > 128 || verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw TokenGrants.invalidRequest("auth.code-request-invalid");
        }
        Instant now = clock.instant();
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                        UPDATE authorization_code SET used_at = ?2
                        WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2
                        RETURNING client_id, redirect_uri, code_challenge, account_id, amr""")
                .setParameter(1, RefreshTokens.hash(code)).setParameter(2, now).getResultList());
        if (rows.isEmpty()) {
            throw Authenticator.invalidGrant("auth.code-invalid");
        }
        Object[] r = rows.get(0);
        boolean matches = r[0].equals(clientId) && r[1].equals(redirectUri) && MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII), ((String) r[2]).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            throw Authenticator.invalidGrant("auth.code-invalid");
        }
        return new Redeemed((UUID) r[3], (String) r[4]);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

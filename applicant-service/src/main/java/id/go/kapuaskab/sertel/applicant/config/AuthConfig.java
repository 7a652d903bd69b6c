package id.go.kapuaskab.sertel.applicant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the token endpoint and of the accounts it serves. */
@ConfigMapping(prefix = "sertel.auth")
public interface AuthConfig {

    /** {@code sertel.auth.issuer}: the public URL of the auth area, {@code <gateway>/api/v1/auth}; the {@code iss} of every token. */
    String issuer();

    /** {@code sertel.auth.audience} (default {@code sertel}): the {@code aud} of every token; every service checks it. */
    @WithDefault("sertel")
    String audience();

    /** {@code sertel.auth.access-token-ttl} (default 5 minutes): lifetime of access tokens. Keep it short: services verify offline. */
    @WithDefault("PT5M")
    Duration accessTokenTtl();

    /** {@code sertel.auth.refresh-token-ttl} (default 8 hours, a working day): lifetime of one refresh token. */
    @WithDefault("PT8H")
    Duration refreshTokenTtl();

    /**
     * {@code sertel.auth.data-key} ({@code AUTH_DATA_KEY}): 32 random bytes, base64, that encrypt what this service must
     * read again (TOTP secrets, the one-time links waiting in the outbox). A secret, like the signing key.
     */
    String dataKey();

    /** {@code sertel.auth.password-grant} (default true): the password grant, for scripts and the demo; the browser logs in with a code. */
    @WithDefault("true")
    boolean passwordGrant();

    /** {@code sertel.auth.authorization-code-ttl} (default 60 s): how long a code of the browser login may wait for its exchange. */
    @WithDefault("PT60S")
    Duration authorizationCodeTtl();

    /** {@code sertel.auth.public-clients.<client-id>.redirect-uris}: browser clients (PKCE, no secret) and where they may be sent back to. */
    Map<String, PublicClient> publicClients();

    SigningKey signingKey();

    Password password();

    Mfa mfa();

    Reset reset();

    Lockout lockout();

    BootstrapAdmin bootstrapAdmin();

    /** {@code sertel.auth.clients.<client-id>.*}: the service identities allowed the client-credentials grant. */
    Map<String, Client> clients();

    ExternalProvider externalProvider();

    /**
     * {@code sertel.auth.external-provider.*}: when every service verifies the tokens of an external OpenID provider
     * (Keycloak, say) instead of ours, this service gets its own service token there too (client credentials), since
     * the others no longer trust tokens it signs itself.
     */
    interface ExternalProvider {
        /** {@code token-url} ({@code AUTH_EXTERNAL_TOKEN_URL}): the provider's token endpoint; unset means this service is the issuer. */
        Optional<String> tokenUrl();

        /** {@code client-id} (default {@code applicant-service}). */
        @WithDefault("applicant-service")
        String clientId();

        /** {@code client-secret} ({@code CLIENT_SECRET}): this service's secret at the provider. */
        Optional<String> clientSecret();
    }

    interface SigningKey {
        /** {@code sertel.auth.signing-key.path}: PEM (PKCS#8) EC P-256 private key that signs tokens, usually a mounted secret. */
        String path();

        /** {@code sertel.auth.signing-key.generate} (default false): create and keep a key at {@code path} when none exists (local mode only). */
        @WithDefault("false")
        boolean generate();

        /**
         * {@code sertel.auth.signing-key.previous} (default none): PEM files (public keys, or the old private keys)
         * of keys that signed tokens before a rotation. They are published in the JWKS, never used to sign, so
         * tokens signed just before a rotation stay valid until they expire.
         */
        java.util.Optional<java.util.List<String>> previous();
    }

    interface Password {
        /** {@code sertel.auth.password.memory-kib} (default 19456, OWASP's argon2id minimum): argon2id memory for new hashes. */
        @WithDefault("19456")
        int memoryKib();

        /** {@code sertel.auth.password.iterations} (default 2): argon2id passes for new hashes. */
        @WithDefault("2")
        int iterations();

        /** {@code sertel.auth.password.min-length} (default 10): shortest password accepted when one is set. */
        @WithDefault("10")
        int minLength();
    }

    interface PublicClient {
        /** {@code sertel.auth.public-clients.<id>.redirect-uris}: exact redirect URIs; nothing else is accepted. */
        List<String> redirectUris();
    }

    interface Mfa {
        /** {@code sertel.auth.mfa.required-roles} (default {@code VERIFIER,ADMIN}): roles that must log in with a second factor; others may opt in. */
        @WithDefault("VERIFIER,ADMIN")
        List<String> requiredRoles();

        /** {@code sertel.auth.mfa.issuer-label} (default {@code sertel Kapuas}): the name authenticator apps show. */
        @WithDefault("sertel Kapuas")
        String issuerLabel();

        /** {@code sertel.auth.mfa.window} (default 1): steps of 30 s accepted either side of now, for clock drift. */
        @WithDefault("1")
        int window();

        /** {@code sertel.auth.mfa.recovery-codes} (default 10): recovery codes shown once at enrolment. */
        @WithDefault("10")
        int recoveryCodes();
    }

    interface Reset {
        /** {@code sertel.auth.reset.url} (default {@code http://localhost:8080/reset-kata-sandi}): the page the mailed link opens; {@code ?token=} is added. */
        @WithDefault("http://localhost:8080/reset-kata-sandi")
        String url();

        /** {@code sertel.auth.reset.ttl} (default 60 minutes): how long a reset link works. */
        @WithDefault("PT60M")
        Duration ttl();

        /** {@code sertel.auth.reset.per-hour} (default 3): reset links mailed to one account in an hour at most. */
        @WithDefault("3")
        int perHour();
    }

    interface Lockout {
        /** {@code sertel.auth.lockout.free-attempts} (default 5): failed logins in a row before the account is held. */
        @WithDefault("5")
        int freeAttempts();

        /** {@code sertel.auth.lockout.base-delay} (default 30 s): hold after the first lock; it doubles with each further failure. */
        @WithDefault("PT30S")
        Duration baseDelay();

        /** {@code sertel.auth.lockout.max-delay} (default 15 min): the longest hold. */
        @WithDefault("PT15M")
        Duration maxDelay();
    }

    interface BootstrapAdmin {
        /** {@code sertel.auth.bootstrap-admin.email}: created as ADMIN on first start when no admin exists. */
        Optional<String> email();

        /** {@code sertel.auth.bootstrap-admin.password}: its initial password (from a secret). */
        Optional<String> password();
    }

    interface Client {
        /** {@code sertel.auth.clients.<id>.secret}: the client secret; an empty secret disables the client. */
        Optional<String> secret();

        /** {@code sertel.auth.clients.<id>.roles}: the roles its tokens carry, for example {@code RENEWAL_SERVICE}. */
        List<String> roles();
    }
}

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

    SigningKey signingKey();

    Password password();

    Lockout lockout();

    BootstrapAdmin bootstrapAdmin();

    /** {@code sertel.auth.clients.<client-id>.*}: the service identities allowed the client-credentials grant. */
    Map<String, Client> clients();

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

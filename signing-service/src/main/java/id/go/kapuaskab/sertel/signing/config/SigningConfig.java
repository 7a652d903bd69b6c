package id.go.kapuaskab.sertel.signing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of key custody and signing. The Argon2id parameters apply to keys wrapped from now on: each key keeps
 * the parameters it was wrapped with, and a passphrase change re-wraps it with the current ones.
 */
@ConfigMapping(prefix = "sertel.signing")
public interface SigningConfig {

    Custody custody();

    Documents documents();

    Appearance appearance();

    interface Custody {
        /** {@code sertel.signing.custody.key-types} (default {@code EC_P256,EC_P384}): key types a kept key may have. */
        @WithDefault("EC_P256,EC_P384")
        Set<String> keyTypes();

        /** {@code sertel.signing.custody.passphrase-min-length} (default 10): shortest passphrase accepted for a kept key. */
        @WithDefault("10")
        int passphraseMinLength();

        /** {@code sertel.signing.custody.max-failed-attempts} (default 5): wrong passphrases in a row that lock the key. */
        @WithDefault("5")
        int maxFailedAttempts();

        /** {@code sertel.signing.custody.argon2-memory-kib} (default 65536, 64 MiB; OWASP's 46 MiB is the floor): Argon2id memory. */
        @WithDefault("65536")
        int argon2MemoryKib();

        /** {@code sertel.signing.custody.argon2-iterations} (default 3): Argon2id passes over the memory. */
        @WithDefault("3")
        int argon2Iterations();

        /** {@code sertel.signing.custody.argon2-parallelism} (default 1): Argon2id lanes. */
        @WithDefault("1")
        int argon2Parallelism();

        /**
         * {@code sertel.signing.custody.opened-key-ttl} (default {@code PT10M}; {@code PT0S} turns it off): how long a
         * key opened with Argon2id stays sealed in this process's memory under the passphrase, so that the holder's
         * next signatures check the passphrase with an HMAC instead (see {@code OpenedKeys}).
         */
        @WithDefault("PT10M")
        Duration openedKeyTtl();

        /** {@code sertel.signing.custody.opened-key-max} (default 10000): most opened keys kept at once per process. */
        @WithDefault("10000")
        int openedKeyMax();
    }

    interface Documents {
        /** {@code sertel.signing.documents.max-bytes} (default 20971520, 20 MiB): larger PDFs are refused with 413. */
        @WithDefault("20971520")
        long maxBytes();

        /** {@code sertel.signing.documents.signature-size} (default 16384): bytes reserved in the PDF for the CMS signature. */
        @WithDefault("16384")
        int signatureSize();

        /** {@code sertel.signing.documents.location} (default {@code Kabupaten Kapuas}): the /Location of our signatures. */
        @WithDefault("Kabupaten Kapuas")
        String location();

        /** {@code sertel.signing.documents.reason} (default {@code Ditandatangani secara elektronik}): the /Reason of our signatures. */
        @WithDefault("Ditandatangani secara elektronik")
        String reason();
    }

    interface Appearance {
        /**
         * {@code sertel.signing.appearance.verification-url} (default {@code http://localhost:8080/verifikasi}): the
         * front end's verification page; a visible signature's QR code holds it with {@code ?id=<signature id>}.
         */
        @WithDefault("http://localhost:8080/verifikasi")
        String verificationUrl();
    }
}

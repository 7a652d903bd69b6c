package id.go.kapuaskab.sertel.certificate.config;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of our CA: where its keys live, how it comes to have them, and the public URLs it writes into every
 * certificate. The URLs are a contract with relying parties: changing {@code public-base-url} changes what
 * certificates issued from then on point to, so the old URLs must keep working.
 */
@ConfigMapping(prefix = "sertel.ca")
public interface CaConfig {

    /**
     * {@code sertel.ca.public-base-url} (default {@code http://localhost:8080}, the gateway): the base of the CRL
     * distribution point, the OCSP URL and the CA-issuers URL written into certificates.
     */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    Keystore keystore();

    Authority root();

    Authority issuing();

    Bootstrap bootstrap();

    Crl crl();

    Ocsp ocsp();

    KeyGeneration keyGeneration();

    Tsa tsa();

    AuditKey audit();

    /** {@code sertel.ca.csr-max-bytes} (default 16384): larger CSRs are refused before they are parsed. */
    @WithDefault("16384")
    int csrMaxBytes();

    interface Keystore {
        /** {@code sertel.ca.keystore.type} (default {@code PKCS12}): {@code PKCS12} (a password-protected file) or {@code PKCS11} (an HSM). */
        @WithDefault("PKCS12")
        String type();

        /** {@code sertel.ca.keystore.path}: the PKCS#12 file holding both CA keys; a mounted secret in production. */
        @WithDefault("/var/run/secrets/sertel/ca-keystore.p12")
        String path();

        /** {@code sertel.ca.keystore.password}: the PKCS#12 password, or the PKCS#11 user PIN; from a secret. */
        String password();

        /** {@code sertel.ca.keystore.pkcs11-config}: a SunPKCS11 configuration file (library, slot) when type is PKCS11. */
        Optional<String> pkcs11Config();
    }

    interface Authority {
        /** {@code sertel.ca.root.name} / {@code sertel.ca.issuing.name}: the key alias and the name in the CRL URL. */
        String name();

        /** {@code sertel.ca.root.subject} / {@code sertel.ca.issuing.subject}: the distinguished name when the CA is created. */
        String subject();

        /** {@code sertel.ca.root.key-type} (default EC_P384) / {@code sertel.ca.issuing.key-type} (default EC_P256): key of a created CA. */
        KeyType keyType();

        /** {@code sertel.ca.root.validity} (default 20 years) / {@code sertel.ca.issuing.validity} (default 10 years): of a created CA. */
        Duration validity();
    }

    interface Bootstrap {
        /**
         * {@code sertel.ca.bootstrap.generate} (default false): create a root and an issuing CA when the keystore has
         * none. Local mode and tests only; production imports or mounts existing keys.
         */
        @WithDefault("false")
        boolean generate();

        /** {@code sertel.ca.bootstrap.import-pkcs12}: a PKCS#12 file with the root and issuing CA under their aliases, imported on first start. */
        Optional<String> importPkcs12();

        /** {@code sertel.ca.bootstrap.import-password}: the password of the file to import. */
        Optional<String> importPassword();

        /** {@code sertel.ca.bootstrap.import-pem-dir}: a directory with {@code <alias>.crt} and {@code <alias>.key} (PKCS#8 PEM) for both CAs. */
        Optional<String> importPemDir();
    }

    interface Crl {
        /** {@code sertel.ca.crl.validity} (default 24 hours): nextUpdate - thisUpdate of every CRL. */
        @WithDefault("PT24H")
        Duration validity();

        /** {@code sertel.ca.crl.refresh} (default 1 hour): a CRL older than this is re-signed by the scheduler. */
        @WithDefault("PT1H")
        Duration refresh();

        /** {@code sertel.ca.crl.check-every} (default 5m; {@code off} disables): how often the scheduler looks for stale CRLs. */
        @WithDefault("5m")
        String checkEvery();
    }

    interface Ocsp {
        /** {@code sertel.ca.ocsp.validity} (default 1 hour): nextUpdate - thisUpdate of every OCSP response. */
        @WithDefault("PT1H")
        Duration validity();

        /** {@code sertel.ca.ocsp.max-request-bytes} (default 8192): larger OCSP requests are answered malformedRequest. */
        @WithDefault("8192")
        int maxRequestBytes();

        /**
         * {@code sertel.ca.ocsp.cache-max-age} (default 5 minutes): how long a signed answer to a request without a nonce is
         * served again before it is signed anew (well inside its {@code validity}); {@code PT0S} turns the cache off.
         */
        @WithDefault("PT5M")
        Duration cacheMaxAge();

        /** {@code sertel.ca.ocsp.cache-size} (default 100000): signed answers kept (about 1 KiB each). */
        @WithDefault("100000")
        int cacheSize();
    }

    interface KeyGeneration {
        /** {@code sertel.ca.key-generation.pbkdf2-iterations} (default 600000, OWASP 2023 for PBKDF2-HMAC-SHA256): of the PKCS#12 we return. */
        @WithDefault("600000")
        int pbkdf2Iterations();

        /** {@code sertel.ca.key-generation.passphrase-min-length} (default 10): shortest passphrase accepted. */
        @WithDefault("10")
        int passphraseMinLength();
    }

    /**
     * Our RFC 3161 time-stamping authority: a key of its own (beside the CA keys, in the same keystore) with a
     * certificate from our issuing CA whose only extended key usage is id-kp-timeStamping (critical). Signatures that
     * signing-service makes carry its tokens (PAdES B-T), so relying parties can prove when a document was signed.
     */
    interface Tsa {
        /** {@code sertel.ca.tsa.name} (default {@code sertel-tsa}): the key alias in the keystore. */
        @WithDefault("sertel-tsa")
        String name();

        /** {@code sertel.ca.tsa.subject} (default {@code CN=Sertel Kapuas TSA 1,O=Pemerintah Kabupaten Kapuas,C=ID}): of a created TSA certificate. */
        @WithDefault("CN=Sertel Kapuas TSA 1,O=Pemerintah Kabupaten Kapuas,C=ID")
        String subject();

        /** {@code sertel.ca.tsa.key-type} (default EC_P256): key of a created TSA. */
        @WithDefault("EC_P256")
        KeyType keyType();

        /** {@code sertel.ca.tsa.validity} (default 5 years, never past the issuing CA): of a created TSA certificate. */
        @WithDefault("P1825D")
        Duration validity();

        /**
         * {@code sertel.ca.tsa.policy-oid} (default a UUID-based OID under 2.25): the TSA policy written into every token;
         * a request naming another policy is rejected ({@code unacceptedPolicy}).
         */
        @WithDefault("2.25.238516240915329126960366284802779622743")
        String policyOid();

        /** {@code sertel.ca.tsa.accuracy} (default 1 second): the accuracy of genTime stated in every token. */
        @WithDefault("PT1S")
        Duration accuracy();

        /** {@code sertel.ca.tsa.max-request-bytes} (default 8192): larger requests are rejected ({@code badDataFormat}). */
        @WithDefault("8192")
        int maxRequestBytes();
    }

    /**
     * The key that signs the checkpoints of the CA's audit trail: beside the CA keys, in the same storage (the HSM with
     * PKCS#11), certified by the issuing CA for this one purpose, created at start when missing.
     */
    interface AuditKey {
        /** {@code sertel.ca.audit.name} (default {@code sertel-audit}): the key alias in the keystore. */
        @WithDefault("sertel-audit")
        String name();

        /** {@code sertel.ca.audit.subject} (default {@code CN=Sertel Kapuas Audit 1,O=Pemerintah Kabupaten Kapuas,C=ID}): of a created certificate. */
        @WithDefault("CN=Sertel Kapuas Audit 1,O=Pemerintah Kabupaten Kapuas,C=ID")
        String subject();

        /** {@code sertel.ca.audit.key-type} (default EC_P256; EC_P256 or EC_P384): key of a created audit key. */
        @WithDefault("EC_P256")
        KeyType keyType();

        /** {@code sertel.ca.audit.validity} (default 5 years, never past the issuing CA): of a created certificate. */
        @WithDefault("P1825D")
        Duration validity();

        /**
         * {@code sertel.ca.audit.purpose-oid} (default a UUID-based OID under 2.25): the only extended key usage of the
         * audit certificate (critical), so that no relying party takes it for anything but our checkpoints.
         */
        @WithDefault("2.25.252698619447001648365605635093943485155")
        String purposeOid();
    }
}

package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.BouncyCastle;
import id.go.kapuaskab.sertel.signing.config.SigningConfig;
import id.go.kapuaskab.sertel.signing.domain.KeyEvent;
import id.go.kapuaskab.sertel.signing.domain.KeyStatus;
import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import id.go.kapuaskab.sertel.signing.repository.SigningKeyRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Custody of the keys kept for holders: the one place that creates them, binds their certificates and opens them
 * with a passphrase. A key is born here and leaves only as signatures; at rest it is wrapped under the holder's
 * passphrase ({@link KeyWrapping}). Opening counts wrong passphrases under the key's row lock, so parallel guesses
 * cannot get past the limit, and the count and the lock are committed even though the request then fails.
 */
@ApplicationScoped
public class KeyCustodyService {

    private static final Provider BC = BouncyCastle.PROVIDER;
    private static final Map<String, String> CURVES = Map.of("EC_P256", "secp256r1", "EC_P384", "secp384r1");

    private final SigningKeyRepository keys;
    private final SigningAudit events;
    private final SigningConfig.Custody settings;
    private final Clock clock;
    private final KeyWrapping wrapping = new KeyWrapping();
    private final OpenedKeys opened;
    private final SecureRandom random = new SecureRandom();

    KeyCustodyService(SigningKeyRepository keys, SigningAudit events, SigningConfig config, Clock clock, MeterRegistry registry) {
        this.keys = keys;
        this.events = events;
        this.settings = config.custody();
        this.clock = clock;
        this.opened = new OpenedKeys(settings.openedKeyTtl(), settings.openedKeyMax());
        Gauge.builder("sertel.signing.opened.keys", opened, OpenedKeys::size)
                .description("Kept keys opened with Argon2id in the last opened-key-ttl, sealed in this process's memory")
                .register(registry);
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredOpenings() {
        opened.sweep(clock.instant());
    }

    /** What {@code POST /internal/signing-keys} answers: the key id, its CSR, and whether this call created it. */
    public record Created(SigningKey key, boolean created) {
    }

    /**
     * Creates a key for a holder and answers its CSR (signed by the new key, proof of possession for the CA). The
     * request id is the idempotency key: a replay with the same holder, institution, key type and passphrase answers
     * the same key; anything else under that id is a conflict.
     */
    public Created create(Caller caller, UUID requestId, UUID holderId, UUID institutionId, String email, char[] passphrase,
                          String keyType) {
        if (!caller.is(Caller.RENEWAL_SERVICE)) {
            throw DomainException.forbidden("forbidden");
        }
        String type = keyType == null ? "EC_P256" : keyType;
        if (!settings.keyTypes().contains(type) || !CURVES.containsKey(type)) {
            throw DomainException.invalid("signing-key.key-type-not-allowed", type, settings.keyTypes());
        }
        checkPassphrase(passphrase);
        var existing = QuarkusTransaction.joiningExisting().call(() -> keys.findByRequestId(requestId));
        if (existing.isPresent()) {
            return new Created(replay(existing.get(), holderId, institutionId, type, passphrase), false);
        }
        UUID keyId = UUID.randomUUID();
        KeyPair pair = generate(type);
        KeyWrapping.Kdf kdf = wrapping.newKdf(settings.argon2MemoryKib(), settings.argon2Iterations(), settings.argon2Parallelism());
        KeyWrapping.Wrapped wrapped = wrapping.wrap(pair.getPrivate(), passphrase, kdf, keyId, holderId);
        Instant now = clock.instant();
        SigningKey k = new SigningKey();
        k.id = keyId;
        k.requestId = requestId;
        k.holderId = holderId;
        k.institutionId = institutionId;
        k.keyType = type;
        k.publicKey = pair.getPublic().getEncoded();
        k.keyFingerprint = Certificates.sha256Hex(k.publicKey);
        k.privateKeyWrapped = wrapped.ciphertext();
        k.wrapNonce = wrapped.nonce();
        k.kdfSalt = kdf.salt();
        k.kdfMemoryKib = kdf.memoryKib();
        k.kdfIterations = kdf.iterations();
        k.kdfParallelism = kdf.parallelism();
        k.csr = csr(pair, keyId, email);
        k.status = KeyStatus.AWAITING_CERTIFICATE;
        k.createdAt = now;
        k.updatedAt = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                keys.persist(k);
                events.keyEvent(keyId, now, caller.describe(), KeyEvent.CREATED, "request " + requestId + ", holder " + holderId);
            });
        } catch (RuntimeException e) {
            // a concurrent call with the same request id won the insert: answer as its replay
            var winner = QuarkusTransaction.requiringNew().call(() -> keys.findByRequestId(requestId));
            if (winner.isEmpty()) {
                throw e;
            }
            return new Created(replay(winner.get(), holderId, institutionId, type, passphrase), false);
        }
        return new Created(k, true);
    }

    private SigningKey replay(SigningKey k, UUID holderId, UUID institutionId, String type, char[] passphrase) {
        boolean same = k.holderId.equals(holderId) && k.institutionId.equals(institutionId) && k.keyType.equals(type);
        if (!same || !opens(k, passphrase)) {
            throw DomainException.conflict("signing-key.request-id-conflict");
        }
        return k;
    }

    /** Binds the certificate our CA issued for this key; it must certify exactly this key's public key. */
    public SigningKey bindCertificate(Caller caller, UUID keyId, String certificatePem, String chainPem) {
        if (!caller.is(Caller.RENEWAL_SERVICE)) {
            throw DomainException.forbidden("forbidden");
        }
        X509Certificate cert = Certificates.parse(certificatePem, "signing-key.certificate-malformed").get(0);
        List<X509Certificate> chain = Certificates.parse(chainPem, "signing-key.chain-malformed");
        try {
            cert.verify(chain.get(0).getPublicKey());
        } catch (GeneralSecurityException e) {
            throw DomainException.invalid("signing-key.chain-mismatch");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SigningKey k = keys.findForUpdate(keyId).orElseThrow(() -> DomainException.notFound("signing-key.not-found", keyId));
            if (!Arrays.equals(cert.getPublicKey().getEncoded(), k.publicKey)) {
                throw DomainException.invalid("signing-key.certificate-mismatch");
            }
            if (k.certificate != null) {
                if (Arrays.equals(k.certificate, Certificates.der(cert))) {
                    return k;                                                  // a replay of the same binding
                }
                throw DomainException.conflict("signing-key.already-certified", k.certificateSerial);
            }
            Instant now = clock.instant();
            k.certificate = Certificates.der(cert);
            k.chainPem = chain.stream().map(Certificates::pem).reduce("", String::concat);
            k.certificateSerial = cert.getSerialNumber().toString(16);
            k.notBefore = cert.getNotBefore().toInstant();
            k.notAfter = cert.getNotAfter().toInstant();
            if (k.status == KeyStatus.AWAITING_CERTIFICATE) {
                k.status = KeyStatus.ACTIVE;
            }
            k.updatedAt = now;
            events.keyEvent(k.id, now, caller.describe(), KeyEvent.CERTIFICATE_BOUND, "certificate " + k.certificateSerial);
            return k;
        });
    }

    /**
     * Opens the key with the holder's passphrase, for one signature. A locked key is refused before any attempt; a
     * wrong passphrase is counted and, at the limit, locks the key, both committed before the refusal is thrown. A key
     * this passphrase opened within {@code opened-key-ttl} is taken from {@link OpenedKeys} instead of Argon2id.
     */
    public PrivateKey open(UUID keyId, char[] passphrase, String actor) {
        Object outcome = QuarkusTransaction.requiringNew().call(() -> {
            SigningKey k = keys.findForUpdate(keyId).orElseThrow(() -> DomainException.notFound("signing-key.not-found", keyId));
            if (k.status == KeyStatus.LOCKED) {
                opened.forget(k.id);
                return DomainException.conflict("signing-key.locked");
            }
            try {
                Instant now = clock.instant();
                PrivateKey key = opened.open(k.id, k.wrapNonce, passphrase, now).orElse(null);
                if (key == null) {
                    key = unwrap(k, passphrase);
                    opened.keep(k.id, k.wrapNonce, passphrase, key, now);
                }
                if (k.failedAttempts > 0) {
                    k.failedAttempts = 0;
                    k.updatedAt = clock.instant();
                }
                return key;
            } catch (KeyWrapping.WrongPassphrase e) {
                return wrongPassphrase(k, actor);
            }
        });
        if (outcome instanceof DomainException refused) {
            throw refused;
        }
        return (PrivateKey) outcome;
    }

    /** Counts a wrong passphrase on a key held under its row lock; answers the problem to throw after commit. */
    DomainException wrongPassphrase(SigningKey k, String actor) {
        Instant now = clock.instant();
        k.failedAttempts++;
        k.updatedAt = now;
        events.keyEvent(k.id, now, actor, KeyEvent.WRONG_PASSPHRASE, "attempt " + k.failedAttempts + " of " + settings.maxFailedAttempts());
        if (k.failedAttempts >= settings.maxFailedAttempts()) {
            opened.forget(k.id);
            k.status = KeyStatus.LOCKED;
            k.lockedAt = now;
            events.keyEvent(k.id, now, actor, KeyEvent.LOCKED, k.failedAttempts + " wrong passphrases in a row");
            return DomainException.conflict("signing-key.locked-now", settings.maxFailedAttempts());
        }
        return DomainException.invalid("signing-key.passphrase-wrong", settings.maxFailedAttempts() - k.failedAttempts)
                .with("attemptsLeft", settings.maxFailedAttempts() - k.failedAttempts);
    }

    PrivateKey unwrap(SigningKey k, char[] passphrase) throws KeyWrapping.WrongPassphrase {
        return wrapping.unwrap(new KeyWrapping.Wrapped(k.privateKeyWrapped, k.wrapNonce), passphrase,
                new KeyWrapping.Kdf(k.kdfSalt, k.kdfMemoryKib, k.kdfIterations, k.kdfParallelism), k.id, k.holderId, "EC");
    }

    /** Re-wraps an opened key under a new passphrase, with the current Argon2id settings and a new salt. */
    void rewrap(SigningKey k, PrivateKey key, char[] passphrase) {
        checkPassphrase(passphrase);
        opened.forget(k.id);
        KeyWrapping.Kdf kdf = wrapping.newKdf(settings.argon2MemoryKib(), settings.argon2Iterations(), settings.argon2Parallelism());
        KeyWrapping.Wrapped wrapped = wrapping.wrap(key, passphrase, kdf, k.id, k.holderId);
        k.privateKeyWrapped = wrapped.ciphertext();
        k.wrapNonce = wrapped.nonce();
        k.kdfSalt = kdf.salt();
        k.kdfMemoryKib = kdf.memoryKib();
        k.kdfIterations = kdf.iterations();
        k.kdfParallelism = kdf.parallelism();
    }

    void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < settings.passphraseMinLength()) {
            throw DomainException.invalid("signing-key.passphrase-too-short", settings.passphraseMinLength());
        }
    }

    private boolean opens(SigningKey k, char[] passphrase) {
        try {
            unwrap(k, passphrase);
            return true;
        } catch (KeyWrapping.WrongPassphrase e) {
            return false;
        }
    }

    private KeyPair generate(String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec(CURVES.get(type)), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + type + " key", e);
        }
    }

    /**
     * A PKCS#10 request signed by the new key, naming the holder's e-mail in subjectAltName (the CA certifies only CSRs
     * that name their applicant). Its subject is a placeholder: the CA takes the subject from approved data.
     */
    private static byte[] csr(KeyPair pair, UUID keyId, String email) {
        try {
            String algorithm = pair.getPublic().getEncoded().length > 100 ? "SHA384withECDSA" : "SHA256withECDSA";
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=sertel kept signing key " + keyId), pair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(new Extension(Extension.subjectAlternativeName,
                            false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)).getEncoded())))
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(pair.getPrivate())).getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

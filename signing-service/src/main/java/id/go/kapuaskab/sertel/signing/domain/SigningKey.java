package id.go.kapuaskab.sertel.signing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A holder's signing key kept by this service. The private key exists here only wrapped: AES-256-GCM under a key
 * that Argon2id derives from the holder's passphrase with this row's salt and parameters (kept per key, so the
 * settings can be raised later without breaking older keys). Without the passphrase the row is useless.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    @Column(name = "key_type", nullable = false)
    public String keyType;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "key_fingerprint", nullable = false)
    public String keyFingerprint;

    @Column(name = "private_key_wrapped", nullable = false)
    public byte[] privateKeyWrapped;

    @Column(name = "wrap_nonce", nullable = false)
    public byte[] wrapNonce;

    @Column(name = "kdf_salt", nullable = false)
    public byte[] kdfSalt;

    @Column(name = "kdf_memory_kib", nullable = false)
    public int kdfMemoryKib;

    @Column(name = "kdf_iterations", nullable = false)
    public int kdfIterations;

    @Column(name = "kdf_parallelism", nullable = false)
    public int kdfParallelism;

    @Column(nullable = false)
    public byte[] csr;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyStatus status;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_at")
    public Instant lockedAt;

    public byte[] certificate;

    @Column(name = "chain_pem")
    public String chainPem;

    @Column(name = "certificate_serial")
    public String certificateSerial;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}

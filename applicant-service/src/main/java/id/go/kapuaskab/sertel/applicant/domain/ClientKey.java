package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A public key a client signs its assertions with ({@code private_key_jwt}); the private half never comes here. */
@Entity
@Table(name = "integration_client_key")
public class ClientKey {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The JWS {@code kid} the client names it by. */
    @Column(nullable = false)
    public String kid;

    /** {@code ES256} (P-256) or {@code RS256} (RSA ≥ 2048). */
    @Column(nullable = false)
    public String algorithm;

    /** SubjectPublicKeyInfo, DER. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}

package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One secret of a client: only its SHA-256 is kept (it has 256 bits of entropy, so no slow hash is needed). */
@Entity
@Table(name = "integration_client_secret")
public class ClientSecret {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(nullable = false)
    public String hint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set on the previous secret when a new one is made; null: valid until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

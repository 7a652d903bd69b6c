package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One link of a refresh-token family; only the SHA-256 of the token is kept. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the login that started this family happened; copied along the rotation. */
    @Column(name = "auth_time", nullable = false)
    public Instant authTime;

    /** How the person authenticated at that login (RFC 8176 values, space-separated: {@code pwd}, {@code pwd otp}). */
    @Column(nullable = false)
    public String amr;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}

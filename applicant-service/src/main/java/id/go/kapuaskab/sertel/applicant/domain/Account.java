package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who can log in. For an applicant the account id is also the applicant id and the holder id. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The TOTP secret, AES-GCM encrypted ({@code SecretBox}); null without a second factor. */
    @Column(name = "totp_secret")
    public byte[] totpSecret;

    /** When the second factor was confirmed with a first code; until then it is not asked at login. */
    @Column(name = "totp_confirmed_at")
    public Instant totpConfirmedAt;

    /** The last TOTP time step whose code was accepted: no code is accepted twice. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** Raised when what this account's tokens say stops being true; tokens carry it as {@code ver}. */
    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "token_version_at")
    public Instant tokenVersionAt;

    @Version
    public long version;

    public static Account create(String email, Role role, AccountStatus status, String fullName, Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.email = normalizeEmail(email);
        a.role = role;
        a.status = status;
        a.fullName = fullName;
        a.language = "id";
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** E-mail addresses are stored and compared trimmed and in lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public boolean canLogIn() {
        return status == AccountStatus.ACTIVE && passwordHash != null;
    }

    public boolean hasSecondFactor() {
        return totpSecret != null && totpConfirmedAt != null;
    }

    /** Every token issued before now stops being accepted (within the services' poll of the revocation list). */
    public void retireTokens(Instant now) {
        tokenVersion++;
        tokenVersionAt = now;
    }
}

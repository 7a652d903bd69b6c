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
}

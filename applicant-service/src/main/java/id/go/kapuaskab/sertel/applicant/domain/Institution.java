package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An institution (<i>instansi</i>) whose staff hold certificates; verifiers are assigned to institutions. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "institution_email_domain", joinColumns = @JoinColumn(name = "institution_id"))
    @Column(name = "domain")
    public Set<String> emailDomains = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether an official e-mail address may be used by this institution's staff: its domain is listed exactly. */
    public boolean allowsEmail(String email) {
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && emailDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}

package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A regional system (e-office, SIMPEG, a portal) an admin registered: the institutions whose people it may see,
 * the scopes of what it may do, and how it proves who it is. Its id ({@code int-…}) is its OAuth client id and the
 * subject of its tokens.
 */
@Entity
@Table(name = "integration_client")
public class IntegrationClient {

    /** How the client authenticates at the token endpoint. */
    public enum AuthMethod {
        /** {@code client_secret_basic} or {@code client_secret_post}: a secret shown once, stored as SHA-256. */
        client_secret,
        /** RFC 7523: a JWT signed with a key whose public half the admin registered. */
        private_key_jwt
    }

    /** Whether the client may get tokens. */
    public enum Status {
        ACTIVE,
        DISABLED
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** The owner's e-mail: told when something needs them (a webhook subscription disabled after failures). */
    @Column(name = "owner_contact", nullable = false)
    public String ownerContact;

    /** Space-separated, as in the token's {@code scope} claim. */
    @Column(nullable = false)
    public String scopes;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method", nullable = false)
    public AuthMethod authMethod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "integration_client_institution", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "institution_id")
    public Set<UUID> institutions = new LinkedHashSet<>();

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "token_version_at")
    public Instant tokenVersionAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public Set<String> scopeSet() {
        return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    /** Every token issued so far stops working (within the revocation list's poll interval). */
    public void retireTokens(Instant now) {
        tokenVersion++;
        tokenVersionAt = now;
    }
}

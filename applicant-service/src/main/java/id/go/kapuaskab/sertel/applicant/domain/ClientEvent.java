package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One thing that happened to a client: registered, changed, a secret or key added or revoked, disabled, a token
 * issued or refused. Append-only (a trigger refuses UPDATE, DELETE, TRUNCATE); never a secret in {@code detail}.
 */
@Entity
@Immutable
@Table(name = "integration_client_event")
public class ClientEvent {

    /** What happened. */
    public enum Action {
        REGISTERED,
        CHANGED,
        SECRET_CREATED,
        SECRET_REVOKED,
        KEY_ADDED,
        KEY_REVOKED,
        DISABLED,
        ENABLED,
        TOKEN_ISSUED,
        TOKEN_REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String action;

    /** The admin who did it; null for what the client did itself. */
    @Column(name = "actor_id")
    public UUID actorId;

    public String detail;
}

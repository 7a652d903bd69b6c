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
 * One change to an account, by anyone: the account's history. Append-only: a database trigger refuses UPDATE,
 * DELETE and TRUNCATE. {@code detail} never holds a secret, a code or a full personal number.
 */
@Entity
@Immutable
@Table(name = "account_event")
public class AccountEvent {

    /** What happened to the account. */
    public enum Action {
        LOGIN,
        LOGIN_FAILED,
        DEACTIVATED,
        REACTIVATED,
        PASSWORD_CHANGED,
        PASSWORD_RESET_REQUESTED,
        PASSWORD_RESET,
        MFA_ENROLLED,
        MFA_DISABLED,
        MFA_RESET,
        RECOVERY_CODE_USED,
        LOCKED,
        NEW_DEVICE,
        INSTITUTIONS_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public String action;

    public String detail;
}

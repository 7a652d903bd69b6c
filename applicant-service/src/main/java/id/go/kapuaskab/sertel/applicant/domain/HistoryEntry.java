package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change of applicant data, by anyone: who, when, why, and each field's old and new value. The table
 * is append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity
@Immutable
@Table(name = "applicant_history")
public class HistoryEntry {

    /** What happened to the record. */
    public enum Action {
        REGISTERED,
        EMAIL_CONFIRMED,
        ACTIVATED,
        DATA_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "data_version", nullable = false)
    public int dataVersion;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    /** The integration client that acted (role {@code INTEGRATION}); null for people and the system. */
    @Column(name = "actor_client")
    public String actorClient;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, FieldChange> changes;

    public String reason;

    @Column(name = "data_change_id")
    public UUID dataChangeId;

    /** A field's value before and after; {@code null} for "not set". */
    public record FieldChange(String from, String to) {
    }
}

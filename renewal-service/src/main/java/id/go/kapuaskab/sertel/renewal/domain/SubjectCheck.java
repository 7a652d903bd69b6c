package id.go.kapuaskab.sertel.renewal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** SOP step 7a evidence: one subject item checked, whether it matches, by whom and when. */
@Entity
@Table(name = "subject_check")
@IdClass(SubjectCheck.Key.class)
public class SubjectCheck {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    @Enumerated(EnumType.STRING)
    public SubjectItem item;

    @Column(nullable = false)
    public boolean matches;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The composite key (request, item). */
    public static class Key implements Serializable {
        public UUID requestId;
        public SubjectItem item;

        public Key() {
        }

        public Key(UUID requestId, SubjectItem item) {
            this.requestId = requestId;
            this.item = item;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && item == k.item;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, item);
        }
    }
}

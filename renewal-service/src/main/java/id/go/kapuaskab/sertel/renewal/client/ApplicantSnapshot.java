package id.go.kapuaskab.sertel.renewal.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The subject snapshot of applicant-service's {@code GET /internal/applicants/{id}}: the fields this service reads.
 * {@code verifiers} (the active verifiers of the applicant's institution) only when asked for, else null.
 */
public record ApplicantSnapshot(UUID id, String status, String fullName, String email, String nik, UUID institutionId,
                                String institutionName, String institutionCode, String unitName, String language,
                                int dataVersion, Integer confirmedVersion, Instant confirmedAt, boolean openDataChange,
                                int subjectVersion, List<Verifier> verifiers) {

    /** A verifier to write to about a submission. */
    public record Verifier(UUID id, String email, String fullName, String language) {

        @Override
        public String toString() {
            return "Verifier[id=" + id + "]";
        }
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    @Override
    public String toString() {
        return "ApplicantSnapshot[id=" + id + ", dataVersion=" + dataVersion + "]";
    }
}

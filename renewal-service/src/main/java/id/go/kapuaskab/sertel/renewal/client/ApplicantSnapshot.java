package id.go.kapuaskab.sertel.renewal.client;

import java.time.Instant;
import java.util.UUID;

/** The subject snapshot of applicant-service's {@code GET /internal/applicants/{id}}: the fields this service reads. */
public record ApplicantSnapshot(UUID id, String status, String fullName, String email, String nik, UUID institutionId,
                                String institutionName, String institutionCode, String unitName, String language,
                                int dataVersion, Integer confirmedVersion, Instant confirmedAt, boolean openDataChange,
                                int subjectVersion) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    @Override
    public String toString() {
        return "ApplicantSnapshot[id=" + id + ", dataVersion=" + dataVersion + "]";
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer about one person of a status lookup. "Not found" is the same for a person nobody registered and for one
 * outside the client's institutions: {@code found} false and nothing else.
 */
@Schema(name = "StatusLookupResult")
public record LookupResult(
        @Schema(description = "Position of the person in the request", example = "0") int index,
        @Schema(description = "Whether the person is an applicant of one of the client's institutions") boolean found,
        @Schema(description = "The applicant and certificate holder id (signing-service's holderId, the webhooks' holderId)", nullable = true)
        UUID holderId,
        @Schema(description = "Whether the person holds an ACTIVE certificate now", nullable = true) Boolean activeCertificate,
        @Schema(description = "The ACTIVE certificate, else the newest one (EXPIRED, REVOKED, …); null when there never was one", nullable = true)
        Certificate certificate,
        @Schema(description = "Whether a renewal request is under way", nullable = true) Boolean renewalOpen,
        @Schema(description = "Every request under way (issuance, renewal, revocation)", nullable = true) List<OpenRequest> openRequests) {

    @Schema(name = "StatusLookupCertificate")
    public record Certificate(@Schema(example = "f7ad60f85aa519f05d562e5184486299") String serial,
                              @Schema(example = "ACTIVE", enumeration = {"ACTIVE", "EXPIRED", "SUSPENDED", "REVOKED", "SUPERSEDED"}) String status,
                              Instant notBefore, Instant notAfter) {
    }

    @Schema(name = "StatusLookupOpenRequest")
    public record OpenRequest(@Schema(example = "RENEWAL") String type, @Schema(example = "IN_REVIEW") String state) {
    }

    static LookupResult notFound(int index) {
        return new LookupResult(index, false, null, null, null, null, null);
    }
}

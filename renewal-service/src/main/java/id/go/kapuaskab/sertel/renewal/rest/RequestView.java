package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.KeyCustody;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.RevocationReason;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Request", description = "A certificate request and where it stands in the workflow.")
public record RequestView(UUID id, RequestType type, RequestState state, UUID applicantId, UUID institutionId,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime submittedAt,
                          @Schema(description = "Server-generated key (collect it after approval) instead of a CSR") boolean keyGeneration,
                          @Schema(description = "Generated keys: DELIVERED (a PKCS#12 at collection) or KEPT (by signing-service, for signing)") KeyCustody keyCustody,
                          @Schema(description = "KEPT: the signing key's id at signing-service, once collected") UUID signingKeyId,
                          @Schema(description = "RENEWAL: the certificate renewed; REVOCATION: the certificate to revoke") String certificateSerial,
                          RevocationReason revocationReason,
                          @Schema(description = "The verifier holding the claim (IN_REVIEW)") UUID claimedBy,
                          @Schema(description = "Reason of the last return, rejection or cancellation") String reason,
                          @Schema(description = "The certificate issued (COMPLETED issuance or renewal)") String issuedSerial,
                          @Schema(description = "Seconds since the (last) submission, for requests waiting for review") Long ageSeconds,
                          @Schema(description = "Review SLA of requests waiting for review: ON_TIME, DUE_SOON, OVERDUE") RequestQueries.Sla slaStatus) {

    static RequestView of(CertificateRequest r, RequestQueries queries) {
        RequestQueries.Sla sla = queries.sla(r);
        return new RequestView(r.id, r.type, r.state, r.applicantId, r.institutionId, Times.of(r.createdAt), Times.of(r.updatedAt),
                Times.of(r.submittedAt), r.keyGeneration, r.keyCustody, r.signingKeyId, r.certificateSerial, r.revocationReason, r.claimedBy, r.reason,
                r.issuedSerial, sla == null ? null : queries.age(r).toSeconds(), sla);
    }
}

package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Request", description = "A certificate request and where it stands in the workflow.")
public record RequestView(UUID id, RequestType type, RequestState state, UUID applicantId, UUID institutionId,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static RequestView of(CertificateRequest r) {
        return new RequestView(r.id, r.type, r.state, r.applicantId, r.institutionId,
                r.createdAt.atOffset(ZoneOffset.UTC), r.updatedAt.atOffset(ZoneOffset.UTC));
    }
}

package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.Snapshots;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service-to-service reads (docs/ARCHITECTURE.md, "Internal APIs"), only with the callers' service tokens. The
 * gateway never routes {@code /internal}; a NetworkPolicy limits who reaches it.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "internal", description = "Service-to-service (not routed by the gateway)")
@APIResponse(responseCode = "401", description = "No, expired or untrusted token (problem+json)")
@APIResponse(responseCode = "403", description = "Not the service allowed to call this (problem+json)")
public class InternalResource {

    private final Snapshots snapshots;

    InternalResource(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Path("/applicants/{id}")
    @RolesAllowed({Roles.RENEWAL_SERVICE, Roles.NOTIFICATION_SERVICE})
    @Operation(summary = "The subject snapshot of an applicant (renewal-service, notification-service)", description = """
            `subjectVersion` is the data version at which a certificate-subject field (name, e-mail, NIK, institution, \
            unit) last changed; `confirmedVersion` the version the applicant last confirmed (SOP step 3). With \
            `include=verifiers` (renewal-service, at a submission) the answer also lists the active verifiers of the \
            applicant's institution, ordered by e-mail, in the same read: the submission's event names them, so \
            notification-service mails them without looking anybody up.""")
    @APIResponse(responseCode = "200", description = "The snapshot", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {@ExampleObject(name = "snapshot", value = """
                    {"id":"4f5e8f1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a","status":"ACTIVE","fullName":"Budi Santoso","email":"budi@kapuaskab.go.id",
                     "nik":"6203011208900003","institutionId":"0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f",
                     "institutionName":"Dinas Kominfo Kabupaten Kapuas","institutionCode":"KOMINFO","unitName":"Bidang Persandian",
                     "language":"id","dataVersion":3,"confirmedVersion":3,"confirmedAt":"2026-11-23T01:00:00Z",
                     "openDataChange":false,"subjectVersion":2}"""), @ExampleObject(name = "with verifiers", value = """
                    {"id":"4f5e8f1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a","status":"ACTIVE","fullName":"Budi Santoso","email":"budi@kapuaskab.go.id",
                     "nik":"6203011208900003","institutionId":"0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f",
                     "institutionName":"Dinas Kominfo Kabupaten Kapuas","institutionCode":"KOMINFO","unitName":"Bidang Persandian",
                     "language":"id","dataVersion":3,"confirmedVersion":3,"confirmedAt":"2026-11-23T01:00:00Z",
                     "openDataChange":false,"subjectVersion":2,"verifiers":[{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     "email":"verifikator1@kapuaskab.go.id","fullName":"Siti Rahmawati","language":"id"}]}""")}))
    @APIResponse(responseCode = "404", description = "Unknown applicant (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: `include` other than `verifiers` (problem+json)")
    public Snapshots.ApplicantSnapshot applicant(@PathParam("id") UUID id,
                                                 @Parameter(description = "`verifiers`: also the institution's active verifiers")
                                                 @QueryParam("include") @Pattern(regexp = "verifiers") String include) {
        return snapshots.applicant(id, include != null);
    }

    @GET
    @Path("/institutions/{id}/verifiers")
    @RolesAllowed(Roles.NOTIFICATION_SERVICE)
    @Operation(summary = "The active verifiers of an institution (notification-service)")
    @APIResponse(responseCode = "200", description = "Ordered by e-mail; empty when none", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "verifiers", value = """
                    [{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","email":"verifikator1@kapuaskab.go.id","fullName":"Siti Rahmawati","language":"id"}]""")))
    @APIResponse(responseCode = "404", description = "Unknown institution (problem+json)")
    public List<Snapshots.VerifierContact> verifiers(@PathParam("id") UUID id) {
        return snapshots.verifiersOf(id);
    }
}

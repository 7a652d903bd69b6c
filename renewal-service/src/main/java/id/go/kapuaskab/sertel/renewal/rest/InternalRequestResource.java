package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.RevocationReason;
import id.go.kapuaskab.sertel.renewal.service.OpenRequests;
import id.go.kapuaskab.sertel.renewal.service.StaffRevocations;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What other services read of the workflow, and the revocation requests applicant-service opens for the staffing system;
 * the gateway never routes {@code /internal}.
 */
@Path("/internal/requests")
@Tag(name = "internal", description = "Service to service; roles as in docs/ARCHITECTURE.md")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not applicant-service (problem+json)")
public class InternalRequestResource {

    private final OpenRequests open;
    private final StaffRevocations revocations;

    InternalRequestResource(OpenRequests open, StaffRevocations revocations) {
        this.open = open;
        this.revocations = revocations;
    }

    @Schema(name = "StaffRevocationAsk", description = "A holder the staffing system reports as retired or deceased")
    public record RevocationAsk(@NotNull @Schema(description = "Chosen by applicant-service from the staffing system's event: the idempotency key")
                                UUID requestId,
                                @NotNull UUID applicantId,
                                @NotNull @Schema(example = "affiliationChanged") RevocationReason reason,
                                @NotBlank @Size(max = 64) @Schema(description = "The integration client (staffing system)", example = "int-5f0c2a9e81d3b7c4e6a1")
                                String clientId,
                                @Size(max = 1000) @Schema(description = "Shown to the verifier as the reason of the submission", nullable = true)
                                String note) {
    }

    @Schema(name = "StaffRevocationAnswer")
    public record RevocationAnswer(StaffRevocations.Outcome outcome, @Schema(nullable = true) UUID requestId,
                                   @Schema(nullable = true) String certificateSerial) {
    }

    @Schema(name = "OpenRequestsQuery")
    public record Query(@NotNull @Size(min = 1, max = OpenRequests.MAX_APPLICANTS) List<@NotNull UUID> applicantIds) {
    }

    @Schema(name = "OpenRequest", description = "A request not finished yet (not REJECTED, COMPLETED or CANCELLED)")
    public record Open(UUID applicantId, UUID requestId, RequestType type, RequestState state,
                       @Schema(description = "The certificate a renewal or revocation is about", nullable = true) String certificateSerial,
                       OffsetDateTime createdAt) {
    }

    @Schema(name = "OpenRequests")
    public record Answer(List<Open> items) {
    }

    @POST
    @Path("/open")
    @RolesAllowed(Caller.APPLICANT_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The open requests of up to 100 applicants", description = """
            For applicant-service's status lookups of regional systems ("is a renewal under way?"): every request of these \
            applicants in DRAFT, SUBMITTED, IN_REVIEW, RETURNED, APPROVED or ISSUING, grouped by applicant in the order asked, \
            oldest first within. Applicants without one are absent. One query for the whole batch.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two applicants", value = """
            {"applicantIds":["e530e18e-8872-4fcb-ac74-8d2632b63c5b","0b7f9c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b"]}""")))
    @APIResponse(responseCode = "200", description = "The open requests", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Answer.class), examples = @ExampleObject(name = "a renewal in review", value = """
            {"items":[{"applicantId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b","requestId":"dc49cc37-680c-4333-9cab-1636873caea7",
             "type":"RENEWAL","state":"IN_REVIEW","certificateSerial":"f7ad60f85aa519f05d562e5184486299","createdAt":"2026-11-24T03:08:10Z"}]}""")))
    @APIResponse(responseCode = "422", description = "`validation`: no applicant ids, more than 100, or a null one (problem+json)")
    public Answer open(@NotNull @Valid Query body) {
        return answer(body);
    }

    @POST
    @Path("/revocations")
    @RolesAllowed(Caller.APPLICANT_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a revocation request for a holder who left the service", description = """
            For applicant-service's staff sync: the staffing system reports a civil servant retired or deceased. The newest \
            ACTIVE or SUSPENDED certificate of the applicant gets a REVOCATION request, SUBMITTED at once for the verifiers of \
            the institution (actor: the client, role INTEGRATION); the CA revokes only after their approval. Idempotent by \
            `requestId`: a repeat answers the same request. `ALREADY_OPEN` names the applicant's open revocation; \
            `NOTHING_TO_REVOKE` when there is no such certificate (no request). 422 `request.applicant-unknown`; 503 when \
            applicant-service or the CA cannot be reached.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "retired", value = """
            {"requestId":"8c1b7a52-3e0f-3c55-9a41-6d2b8e0f1a77","applicantId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b",
             "reason":"affiliationChanged","clientId":"int-5f0c2a9e81d3b7c4e6a1","note":"Pensiun sesuai SK BKN No. 123/2026 (SIMPEG)"}""")))
    @APIResponse(responseCode = "200", description = "What became of it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RevocationAnswer.class), examples = @ExampleObject(name = "opened", value = """
            {"outcome":"OPENED","requestId":"8c1b7a52-3e0f-3c55-9a41-6d2b8e0f1a77","certificateSerial":"f7ad60f85aa519f05d562e5184486299"}""")))
    @APIResponse(responseCode = "422", description = "`validation`, `request.applicant-unknown` (problem+json)")
    public RevocationAnswer revocation(@NotNull @Valid RevocationAsk body) {
        StaffRevocations.Result r = revocations.open(body.requestId(), body.applicantId(), body.reason(), body.clientId(),
                body.note() == null || body.note().isBlank() ? null : body.note().strip());
        return new RevocationAnswer(r.outcome(), r.requestId(), r.certificateSerial());
    }

    private Answer answer(Query body) {
        return new Answer(open.of(body.applicantIds()).stream()
                .map(r -> new Open(r.applicantId, r.id, r.type, r.state, r.certificateSerial, Times.of(r.createdAt))).toList());
    }
}

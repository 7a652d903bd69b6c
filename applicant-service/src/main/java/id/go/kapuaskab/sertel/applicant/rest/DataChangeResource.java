package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.DataChangeReviews;
import id.go.kapuaskab.sertel.applicant.service.DataChangeSubmissions;
import id.go.kapuaskab.sertel.applicant.service.DataChangeView;
import id.go.kapuaskab.sertel.applicant.service.DocumentContent;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Data changes by id: the verifiers' queue and decisions, the applicant's cancel, and the documents. A change
 * outside the caller's scope is 404 (as if unknown); a role that may not take the action is 403.
 */
@Path("/api/v1/data-changes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "data changes", description = "Review of data changes (SOP \"Perubahan Data Pemohon\")")
@APIResponse(responseCode = "401", description = "No, expired or untrusted token (problem+json)")
@APIResponse(responseCode = "403", description = "Role not allowed, or an institution not assigned to the caller (problem+json)")
public class DataChangeResource {

    private final DataChangeReviews reviews;
    private final DataChangeSubmissions submissions;
    private final Callers callers;

    DataChangeResource(DataChangeReviews reviews, DataChangeSubmissions submissions, Callers callers) {
        this.reviews = reviews;
        this.submissions = submissions;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.VERIFIER, Roles.ADMIN})
    @Operation(summary = "The review queue of my institutions", description = "Oldest first; by default the open (SUBMITTED) changes. Pages of at most 100.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView[].class)))
    public List<DataChangeView> queue(@Parameter(description = "Only this institution (must be one of mine)") @QueryParam("institutionId") UUID institutionId,
                                      @Parameter(description = "SUBMITTED (default), APPROVED, REJECTED, CANCELLED or ALL", example = "SUBMITTED") @QueryParam("status") String status,
                                      @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        return reviews.queue(callers.current(), institutionId, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.VERIFIER, Roles.ADMIN})
    @Operation(summary = "One data change", description = "For its applicant, the verifiers of the institution and admins.")
    @APIResponse(responseCode = "200", description = "The change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not visible to the caller (problem+json)")
    public DataChangeView get(@Parameter(description = "The data change's id", example = "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") @PathParam("id") UUID id) {
        return reviews.get(callers.current(), id);
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @RolesAllowed({Roles.APPLICANT, Roles.VERIFIER, Roles.ADMIN})
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a supporting document", description = "Served with its detected type; `Digest` carries its SHA-256.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", description = "Unknown or not visible to the caller (problem+json)")
    public Response document(@Parameter(description = "The data change's id", example = "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") @PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        DocumentContent doc = reviews.document(callers.current(), id, documentId);
        return Response.ok(doc.content(), doc.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + doc.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(doc.sha256())))
                .build();
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.VERIFIER, Roles.ADMIN})
    @Operation(summary = "Approve and apply a data change", description = """
            The new values are checked again and applied atomically: new `dataVersion`, `subjectVersion` too when a \
            certificate-subject field changed, a history entry with who, when and why. 409 when the change is no \
            longer open or the data changed meanwhile; 422 when the values no longer pass the rules.""")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not in my institutions (problem+json)")
    @APIResponse(responseCode = "403", description = "`auth.step-up-required`: log in with the second factor first, as for approving a "
            + "certificate request (problem+json)")
    @APIResponse(responseCode = "409", description = "`data-change.not-open` or `data-change.stale` (problem+json)")
    @RequiresSecondFactor
    public DataChangeView approve(@Parameter(description = "The data change's id", example = "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") @PathParam("id") UUID id) {
        return reviews.approve(callers.current(), id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.VERIFIER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a data change with a reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reject", value = "{\"reason\":\"SK mutasi tidak terlampir\"}")))
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not in my institutions (problem+json)")
    @APIResponse(responseCode = "409", description = "`data-change.not-open` (problem+json)")
    public DataChangeView reject(@PathParam("id") UUID id, @Valid @NotNull SmallRequests.Rejection body) {
        return reviews.reject(callers.current(), id, body.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(summary = "Cancel my open data change")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not mine (problem+json)")
    @APIResponse(responseCode = "409", description = "`data-change.not-open` (problem+json)")
    public DataChangeView cancel(@Parameter(description = "The data change's id", example = "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") @PathParam("id") UUID id) {
        return submissions.cancel(callers.current(), id);
    }
}

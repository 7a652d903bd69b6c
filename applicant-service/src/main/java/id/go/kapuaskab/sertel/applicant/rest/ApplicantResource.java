package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.ApplicantSummary;
import id.go.kapuaskab.sertel.applicant.service.ApplicantView;
import id.go.kapuaskab.sertel.applicant.service.Applicants;
import id.go.kapuaskab.sertel.applicant.service.HistoryView;
import id.go.kapuaskab.sertel.applicant.service.PageView;
import id.go.kapuaskab.sertel.applicant.service.Registrations;
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
 * Officers' view of applicants. A verifier sees only the applicants of the institutions assigned to them (from
 * the database), an admin all. An applicant outside the caller's scope is 404, as if it did not exist; naming
 * an institution outside the caller's assignment is 403.
 */
@Path("/api/v1/applicants")
@RolesAllowed({Roles.VERIFIER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "applicants", description = "Officers: list, register, read and activate applicants")
@APIResponse(responseCode = "401", description = "No, expired or untrusted token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an officer, or an institution not assigned to the caller (problem+json)")
public class ApplicantResource {

    private final Applicants applicants;
    private final Registrations registrations;
    private final Callers callers;

    ApplicantResource(Applicants applicants, Registrations registrations, Callers callers) {
        this.applicants = applicants;
        this.registrations = registrations;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List applicants of my institutions", description = """
            Ordered by name. `q` matches part of the name or e-mail, or a whole NIK or NIP. NIK and NIP are masked in \
            the list. Pages of at most 100.""")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
                    {"items":[{"id":"4f5e…","status":"ACTIVE","fullName":"Budi Santoso","email":"pemohon1@kapuaskab.go.id",
                    "nikMasked":"************0003","nipMasked":"**************1003","employmentType":"PNS",
                    "institutionId":"0b6c…","workUnitName":"Bidang Persandian","dataVersion":1}],"page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "422", description = "Page size over 100 or other bad parameters (problem+json)")
    public PageView<ApplicantSummary> list(@Parameter(description = "Only this institution (must be one of mine)") @QueryParam("institutionId") UUID institutionId,
                                           @Parameter(description = "PENDING_EMAIL, PENDING_ACTIVATION, ACTIVE or DISABLED") @QueryParam("status") String status,
                                           @Parameter(description = "Search text") @QueryParam("q") String q,
                                           @QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue("20") int size) {
        return applicants.list(callers.current(), institutionId, status, page, size, q);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an applicant of my institution", description = """
            Same rules as self-registration. The applicant confirms the e-mail address through the mailed link and \
            chooses a password; the account is then ACTIVE without a further activation.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantRequest.class),
            examples = @ExampleObject(name = "PNS", value = RegistrationResource.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantView.class)))
    @APIResponse(responseCode = "422", description = "`validation` with `fieldErrors` (problem+json)")
    public Response register(@Valid @NotNull ApplicantRequest body) {
        ApplicantView created = registrations.registerByOfficer(callers.current(), body.data(), body.language());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One applicant's full data")
    @APIResponse(responseCode = "200", description = "The data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not in the caller's institutions (problem+json)")
    public ApplicantView get(@Parameter(description = "The applicant's id", example = "7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15") @PathParam("id") UUID id) {
        return applicants.get(callers.current(), id);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "One applicant's append-only history", description = "Every change of the data: who, when, why, old and new values.")
    @APIResponse(responseCode = "200", description = "Oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryView[].class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not in the caller's institutions (problem+json)")
    public List<HistoryView> history(@Parameter(description = "The applicant's id", example = "7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15") @PathParam("id") UUID id) {
        return applicants.history(callers.current(), id);
    }

    @POST
    @Path("/{id}/activation")
    @Operation(summary = "Activate a self-registered applicant", description = "After the applicant confirmed the e-mail address (status PENDING_ACTIVATION).")
    @APIResponse(responseCode = "200", description = "Now ACTIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not in the caller's institutions (problem+json)")
    @APIResponse(responseCode = "409", description = "`applicant.not-pending-activation` (problem+json)")
    public ApplicantView activate(@Parameter(description = "The applicant's id", example = "7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15") @PathParam("id") UUID id) {
        return registrations.activate(callers.current(), id);
    }
}

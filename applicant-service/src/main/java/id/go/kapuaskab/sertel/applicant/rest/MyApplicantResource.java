package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.ApplicantView;
import id.go.kapuaskab.sertel.applicant.service.Applicants;
import id.go.kapuaskab.sertel.applicant.service.ConfirmationView;
import id.go.kapuaskab.sertel.applicant.service.DataChangeSubmissions;
import id.go.kapuaskab.sertel.applicant.service.DataChangeView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The applicant's own data: SOP steps 2–4 (check, confirm "Sesuai", request a change). */
@Path("/api/v1/applicants/me")
@RolesAllowed(Roles.APPLICANT)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "my data", description = "The applicant's own data, confirmation and data changes")
@APIResponse(responseCode = "401", description = "No, expired or untrusted token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an applicant (problem+json)")
public class MyApplicantResource {

    private final Applicants applicants;
    private final DataChangeSubmissions submissions;
    private final Callers callers;

    MyApplicantResource(Applicants applicants, DataChangeSubmissions submissions, Callers callers) {
        this.applicants = applicants;
        this.submissions = submissions;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "My data (SOP step 3: check it)", description = """
            The applicant's data with `dataVersion`, the last confirmation, any open data change, and which fields \
            appear in the certificate (`certificateFields`) or bind it (`subjectFields`).""")
    @APIResponse(responseCode = "200", description = "The data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantView.class),
                    examples = @ExampleObject(name = "my data", value = ApplicantExamples.MY_DATA)))
    public ApplicantView me() {
        return applicants.get(callers.current(), callers.current().id());
    }

    @POST
    @Path("/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm my data is correct (\"Sesuai\", SOP step 3)", description = """
            Records that the applicant confirmed data version N now. A renewal needs a confirmation of the current \
            version. 409 `conflict.stale-version` (with `currentDataVersion`) when N is not the current version; \
            409 `confirmation.data-change-open` while a data change is open.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirm", value = "{\"dataVersion\":3}")))
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConfirmationView.class)))
    @APIResponse(responseCode = "409", description = "Stale data version, or a data change is open (problem+json)")
    public ConfirmationView confirm(@Valid @NotNull SmallRequests.Confirmation body) {
        return applicants.confirm(callers.current(), body.dataVersion());
    }

    @GET
    @Path("/data-changes")
    @Operation(summary = "My data changes, newest first")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView[].class),
                    examples = @ExampleObject(name = "one open change", value = ApplicantExamples.MY_DATA_CHANGES)))
    public List<DataChangeView> myChanges() {
        return submissions.mine(callers.current());
    }

    @POST
    @Path("/data-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a data change (SOP step 4, \"Perubahan Data Pemohon\")", description = """
            JSON with the new values of the chosen fields, a reason and optional documents (base64; PDF, JPEG or PNG \
            recognised by content; at most 3 × 512 KiB; whole body at most 1 MiB). The resulting data must pass every \
            rule. One open change per applicant (409 `data-change.already-open`); `dataVersion` must be current \
            (409 `conflict.stale-version`). A verifier of the applicant's institution approves or rejects it.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeRequest.class),
            examples = @ExampleObject(name = "new position", value = """
                    {"dataVersion":1,"changes":{"position":"Sandiman Ahli Pertama"},"reason":"Mutasi jabatan sesuai SK Bupati",
                     "documents":[{"fileName":"sk-mutasi.pdf","content":"JVBERi0xLjcKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK"}]}""")))
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataChangeView.class)))
    @APIResponse(responseCode = "409", description = "Stale data version or a change already open (problem+json)")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid values or documents (problem+json with fieldErrors)")
    public Response submit(@Valid @NotNull DataChangeRequest body) {
        return Response.status(Response.Status.CREATED).entity(submissions.submit(callers.current(), body.command())).build();
    }
}

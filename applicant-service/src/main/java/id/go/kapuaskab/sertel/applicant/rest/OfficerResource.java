package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.OfficerView;
import id.go.kapuaskab.sertel.applicant.service.Officers;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Officer accounts (VERIFIER, ADMIN) and verifiers' institution assignments; admins only. */
@Path("/api/v1/officers")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "officers", description = "Admins: officer accounts and verifier assignments")
@APIResponse(responseCode = "401", description = "No, expired or untrusted token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
public class OfficerResource {

    private final Officers officers;
    private final Callers callers;

    OfficerResource(Officers officers, Callers callers) {
        this.officers = officers;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List officers", description = "Admins only: every officer account (verifiers and admins) with the institutions each verifier is assigned to.")
    @APIResponse(responseCode = "200", description = "Ordered by e-mail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView[].class),
                    examples = @ExampleObject(name = "a verifier and an admin", value = ApplicantExamples.OFFICERS)))
    public List<OfficerView> list() {
        return officers.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One officer", description = "Admins only: the officer's account and institution assignments; an unknown id is a 404 problem.")
    @APIResponse(responseCode = "200", description = "The officer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not an officer (problem+json)")
    public OfficerView get(@Parameter(description = "The officer's id", example = "e2d4c6a8-1b3f-4d5e-8a7c-9b0e1f2a3c4d") @PathParam("id") UUID id) {
        return officers.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an officer account", description = """
            The account is PENDING_EMAIL until the person confirms the address through the mailed link and chooses a \
            password; then ACTIVE. A VERIFIER serves the given institutions; an ADMIN has none (acts for all).""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "verifier", value = """
            {"email":"verifikator3@kapuaskab.go.id","fullName":"Dewi Lestari","role":"VERIFIER",
             "institutionIds":["0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f"],"language":"id"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "422", description = "E-mail taken, unknown institution, bad role (problem+json with fieldErrors)")
    @RequiresSecondFactor
    public Response create(@Valid @NotNull SmallRequests.Officer body) {
        OfficerView created = officers.create(callers.current(), body.email(), body.fullName(), body.role(), body.institutionIds(), body.language());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{id}/institutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the institutions a verifier serves", description = """
            Replaces the assignments. Effective at once in this service; in tokens (`inst` claim) from the verifier's \
            next login or refresh.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "assign", value = "{\"institutionIds\":[\"0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f\"]}")))
    @APIResponse(responseCode = "200", description = "The officer with the new assignments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not an officer (problem+json)")
    @APIResponse(responseCode = "422", description = "Unknown institution, or institutions for an admin (problem+json)")
    @RequiresSecondFactor
    public OfficerView assign(@PathParam("id") UUID id, @Valid @NotNull SmallRequests.Assignment body) {
        return officers.assign(callers.current(), id, body.institutionIds());
    }
}

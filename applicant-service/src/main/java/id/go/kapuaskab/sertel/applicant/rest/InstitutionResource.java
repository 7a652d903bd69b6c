package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.InstitutionCommand;
import id.go.kapuaskab.sertel.applicant.service.InstitutionView;
import id.go.kapuaskab.sertel.applicant.service.Institutions;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
 * Institutions and work units. Reading the active ones is public (self-registration needs the list); changing
 * them, and seeing inactive ones, is for admins.
 */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions", description = "Institutions (instansi) and their work units")
public class InstitutionResource {

    static final String EXAMPLE = "{\"code\":\"KOMINFO\",\"name\":\"Dinas Kominfo Kabupaten Kapuas\",\"emailDomains\":[\"kapuaskab.go.id\"],\"active\":true}";

    private final Institutions institutions;
    private final SecurityIdentity identity;
    private final Callers callers;

    InstitutionResource(Institutions institutions, SecurityIdentity identity, Callers callers) {
        this.institutions = institutions;
        this.identity = identity;
        this.callers = callers;
    }

    @GET
    @PermitAll
    @Operation(summary = "List institutions (public)", description = "Active institutions with their active work units; `includeInactive=true` is for admins.")
    @APIResponse(responseCode = "200", description = "Ordered by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView[].class)))
    public List<InstitutionView> list(@Parameter(description = "Also the deactivated ones (admins only)", example = "false") @QueryParam("includeInactive") boolean includeInactive) {
        return institutions.list(includeInactive && requireAdmin());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One institution (public)")
    @APIResponse(responseCode = "200", description = "The institution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown (or inactive, for non-admins) (problem+json)")
    public InstitutionView get(@Parameter(description = "The institution's id", example = "c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34") @PathParam("id") UUID id) {
        return institutions.get(id, !identity.isAnonymous() && identity.hasRole(Roles.ADMIN));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an institution", description = "Admins only: a new institution (instansi) with its unique code; work units are added afterwards.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "kominfo", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "401", description = "No or untrusted token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
    @APIResponse(responseCode = "422", description = "Code or name taken, bad domain (problem+json with fieldErrors)")
    @RequiresSecondFactor
    public Response create(@Valid @NotNull SmallRequests.Institution body) {
        InstitutionView created = institutions.create(callers.current(), command(body));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an institution", description = "Send the `version` you read; 409 `conflict.stale-version` if it changed since.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rename",
            value = "{\"code\":\"KOMINFO\",\"name\":\"Dinas Komunikasi dan Informatika Kabupaten Kapuas\",\"emailDomains\":[\"kapuaskab.go.id\"],\"active\":true,\"version\":0}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown (problem+json)")
    @APIResponse(responseCode = "409", description = "Stale version (problem+json)")
    @RequiresSecondFactor
    public InstitutionView update(@PathParam("id") UUID id, @Valid @NotNull SmallRequests.Institution body) {
        return institutions.update(callers.current(), id, command(body));
    }

    @POST
    @Path("/{id}/work-units")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a work unit")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit", value = "{\"name\":\"Bidang Persandian\"}")))
    @APIResponse(responseCode = "201", description = "The institution with its units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @RequiresSecondFactor
    public Response addUnit(@PathParam("id") UUID id, @Valid @NotNull SmallRequests.WorkUnit body) {
        return Response.status(Response.Status.CREATED).entity(institutions.addUnit(callers.current(), id, body.name())).build();
    }

    @PUT
    @Path("/{id}/work-units/{unitId}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename or (de)activate a work unit")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "retire", value = "{\"name\":\"Sekretariat\",\"active\":false}")))
    @APIResponse(responseCode = "200", description = "The institution with its units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @RequiresSecondFactor
    public InstitutionView updateUnit(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId, @Valid @NotNull SmallRequests.WorkUnit body) {
        return institutions.updateUnit(callers.current(), id, unitId, body.name(), body.active() == null || body.active());
    }

    private boolean requireAdmin() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
        return true;
    }

    private static InstitutionCommand command(SmallRequests.Institution b) {
        return new InstitutionCommand(b.code(), b.name(), b.emailDomains(), b.active(), b.version());
    }
}

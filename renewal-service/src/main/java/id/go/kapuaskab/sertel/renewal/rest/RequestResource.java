package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.service.Drafts;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1/requests")
@Tag(name = "requests", description = "Issuance, renewal and revocation requests and their review")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Role or institution does not allow this (problem+json)")
public class RequestResource {

    private final RequestQueries queries;
    private final Drafts drafts;
    private final CurrentCaller callers;

    RequestResource(RequestQueries queries, Drafts drafts, CurrentCaller callers) {
        this.queries = queries;
        this.drafts = drafts;
        this.callers = callers;
    }

    /** A page of requests with the window it covers. */
    public record RequestPage(List<RequestView> items, int offset, int limit, long total) {
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Operation(summary = "List requests", description = """
            Applicants see their own requests, newest first. Verifiers see the requests of the institutions they \
            serve, oldest first (their queue). Admins see all. Filter by `state`; page with `offset` and `limit` (at most 100). \
            Requests waiting for review carry `ageSeconds` and `slaStatus`.""")
    @APIResponse(responseCode = "200", description = "A page of requests", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = OpenApiExamples.PAGE)))
    @APIResponse(responseCode = "422", description = "Bad paging values (problem+json with fieldErrors)")
    public RequestPage list(@QueryParam("state") RequestState state,
                            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        RequestQueries.Page page = queries.list(callers.get(), Optional.ofNullable(state), offset, limit);
        return new RequestPage(page.items().stream().map(r -> RequestView.of(r, queries)).toList(), page.offset(), page.limit(), page.total());
    }

    @POST
    @RolesAllowed(Caller.APPLICANT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a request (SOP step 5)", description = """
            Creates a DRAFT for the calling applicant. Guards: ISSUANCE needs an active applicant without an ACTIVE \
            certificate; RENEWAL a certificate expiring within the renewal window or expired within the grace period; \
            REVOCATION an ACTIVE or SUSPENDED certificate of yours and an RFC 5280 reason. One open request per type.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "renewal with a key kept for signing", value = OpenApiExamples.NEW_RENEWAL),
            @ExampleObject(name = "issuance with your own CSR", value = OpenApiExamples.NEW_ISSUANCE_CSR),
            @ExampleObject(name = "revocation", value = OpenApiExamples.NEW_REVOCATION)}))
    @APIResponse(responseCode = "201", description = "The draft; Location points to it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "draft", value = OpenApiExamples.REQUEST)))
    @APIResponse(responseCode = "409", description = "request.already-open (problem+json)")
    @APIResponse(responseCode = "422", description = "A guard or the key source failed (problem+json)")
    @APIResponse(responseCode = "503", description = "applicant-service or the CA cannot be reached (problem+json)")
    public Response create(@NotNull @Valid Bodies.NewRequest body) {
        CertificateRequest r = drafts.create(callers.get(), body.type(), body.draft(), callers.get().sessionStart());
        return Response.created(URI.create("/api/v1/requests/" + r.id)).entity(RequestView.of(r, queries)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Operation(summary = "One request in detail", description = """
            With the frozen subject snapshot, the step-7 evidence and the state history. Verifiers and admins also get the \
            applicant's current data and the subject items that differ from the snapshot.""")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "request", value = OpenApiExamples.DETAIL)))
    @APIResponse(responseCode = "404", description = "request.not-found (also for another applicant's request)")
    public RequestDetailView get(@PathParam("id") UUID id) {
        return RequestDetailView.of(queries.detail(callers.get(), id), queries);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.APPLICANT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a DRAFT or RETURNED request", description = "Replaces the CSR or key choice (or, for a revocation, certificate and reason).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "generated key instead", value = OpenApiExamples.EDIT)))
    @APIResponse(responseCode = "200", description = "The edited request", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "edited", value = OpenApiExamples.REQUEST)))
    @APIResponse(responseCode = "409", description = "request.not-editable with currentState")
    @APIResponse(responseCode = "422", description = "The key source or a guard failed")
    public RequestView edit(@PathParam("id") UUID id, @NotNull @Valid Bodies.Edit body) {
        return RequestView.of(drafts.edit(callers.get(), id, body.draft()), queries);
    }

}

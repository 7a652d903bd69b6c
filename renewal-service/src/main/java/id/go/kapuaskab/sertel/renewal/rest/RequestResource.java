package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests")
@Tag(name = "requests", description = "Issuance, renewal and revocation requests and their review")
@SecurityRequirement(name = "SecurityScheme")
public class RequestResource {

    private final RequestQueries queries;
    private final JsonWebToken jwt;

    RequestResource(RequestQueries queries, JsonWebToken jwt) {
        this.queries = queries;
        this.jwt = jwt;
    }

    /** A page of requests with the window it covers. */
    public record RequestPage(List<RequestView> items, int offset, int limit, long total) {
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List requests", description = """
            Applicants see their own requests, newest first. Verifiers see the requests of the institutions they \
            serve, oldest first (their queue). Admins see all. Filter by `state`; page with `offset` and `limit` (at most 100).""")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "A role that has no requests (problem+json)")
    @APIResponse(responseCode = "422", description = "Bad paging values (problem+json with fieldErrors)")
    public RequestPage list(@QueryParam("state") RequestState state,
                            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        RequestQueries.Page page = queries.list(Caller.of(jwt), Optional.ofNullable(state), offset, limit);
        return new RequestPage(page.items().stream().map(RequestView::of).toList(), page.offset(), page.limit(), page.total());
    }
}

package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.RevocationFeed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The short list of retired token versions every service polls; public like the JWKS, and naming nobody. */
@Path("/api/v1/auth/revocations")
@PermitAll
@Tag(name = "auth")
public class RevocationResource {

    private final RevocationFeed feed;

    RevocationResource(RevocationFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retired token versions (public)", description = """
            Accounts whose tokens were retired within the last access-token lifetime (deactivated, institutions changed, \
            password reset, second factor reset): a fingerprint of the subject (base64url of the first 128 bits of \
            SHA-256 of `sub`) and the lowest `ver` a token of it must carry. Services poll it every few seconds and refuse \
            older tokens, so such a change takes effect everywhere within seconds while tokens stay verified offline.""")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "list", value = "{\"entries\":[{\"subject\":\"q2V5Lx8lS0G4xT1yCq9d3A\",\"minVersion\":2}]}")))
    public Response list() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        List<Map<String, Object>> entries = feed.entries().entrySet().stream()
                .map(e -> Map.<String, Object>of("subject", e.getKey(), "minVersion", e.getValue())).toList();
        return Response.ok(Map.of("entries", entries)).cacheControl(cache).build();
    }
}

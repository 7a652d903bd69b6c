package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.service.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** What verifiers need to trust our tokens: the public keys and the OpenID provider metadata. */
@Path("/api/v1/auth")
@PermitAll
@Tag(name = "auth")
public class DiscoveryResource {

    private final SigningKeys keys;
    private final AuthConfig config;

    DiscoveryResource(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("/jwks")
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Public keys that sign access tokens (JWKS, RFC 7517)",
            description = "Every service verifies tokens against this set, selecting the key by `kid`.")
    @APIResponse(responseCode = "200", description = "The key set", content = @Content(mediaType = "application/jwk-set+json",
            examples = @ExampleObject(name = "jwks", value = """
                    {"keys":[{"kty":"EC","kid":"2026-11","use":"sig","alg":"ES256","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""")))
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID provider metadata (discovery)",
            description = "Issuer, authorization and token endpoints (code with PKCE S256), JWKS location and supported grants, for stock OAuth/OIDC client libraries.")
    @APIResponse(responseCode = "200", description = "The metadata document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "metadata", value = """
                    {"issuer":"https://sertel.kapuaskab.go.id","authorization_endpoint":"https://sertel.kapuaskab.go.id/api/v1/auth/authorize",\
                    "token_endpoint":"https://sertel.kapuaskab.go.id/api/v1/auth/token","jwks_uri":"https://sertel.kapuaskab.go.id/api/v1/auth/jwks",\
                    "grant_types_supported":["authorization_code","password","refresh_token","client_credentials"],\
                    "code_challenge_methods_supported":["S256"]}""")))
    public Map<String, Object> discovery() {
        String issuer = config.issuer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("revocation_list_uri", issuer + "/revocations");
        List<String> grants = new java.util.ArrayList<>(List.of("authorization_code", "refresh_token", "client_credentials"));
        if (config.passwordGrant()) {
            grants.add("password");
        }
        doc.put("grant_types_supported", grants);
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("amr_values_supported", List.of("pwd", "otp"));
        doc.put("ui_locales_supported", List.of("id", "en"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("ES256"));
        doc.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "upn", "groups", "inst", "locale", "sid", "auth_time", "amr", "ver", "client_id", "scope"));
        return doc;
    }
}

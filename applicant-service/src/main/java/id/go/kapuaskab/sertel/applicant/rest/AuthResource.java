package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.TokenGrants;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Tag(name = "auth", description = "Login, token refresh, service identities, logout")
public class AuthResource {

    private final TokenGrants grants;
    private final SecurityIdentity identity;

    AuthResource(TokenGrants grants, SecurityIdentity identity) {
        this.grants = grants;
        this.identity = identity;
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Obtain tokens (OAuth 2.0 token endpoint)", description = """
            `grant_type=authorization_code` with `code`, `redirect_uri`, `client_id` and the PKCE `code_verifier` \
            completes the browser login of `/authorize`. `grant_type=password` with `username` (e-mail) and `password` \
            (and `otp`, or a `recovery_code`, when the account has a second factor; without it the answer is \
            `auth.otp-required`) logs a person in — for scripts and the demo, and can be switched off. Both return an \
            access token (5 minutes; `amr` says how the person authenticated) and a single-use refresh token; \
            `mfa_enrolment_required` is true when the role requires a second factor not enrolled yet. \
            `grant_type=refresh_token` with `refresh_token` rotates it; \
            presenting a used refresh token again revokes the whole session. `grant_type=client_credentials` issues a \
            service identity's or a registered regional system's token; the client authenticates with HTTP Basic or \
            `client_id`/`client_secret` form fields, or (regional systems registered for `private_key_jwt`) with \
            `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and a `client_assertion` JWT \
            (RFC 7523: iss = sub = client id, aud = this endpoint's URL, exp ≤ 5 min, a fresh jti, ES256 or RS256). \
            A regional system may ask for part of its scopes with `scope`; its token carries them and its institutions. \
            Repeated failed logins hold the user name with growing back-off (429 with Retry-After). Errors are \
            problem+json and also carry the RFC 6749 `error` member.""")
    @APIResponse(responseCode = "200", description = "Tokens issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid_request, invalid_grant or unsupported_grant_type (problem+json)")
    @APIResponse(responseCode = "401", description = "invalid_client: unknown service identity or wrong secret (problem+json)")
    @APIResponse(responseCode = "429", description = "User name held after repeated failures; see Retry-After (problem+json)")
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("username") String username,
                          @FormParam("password") String password,
                          @FormParam("refresh_token") String refreshToken,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("otp") String otp,
                          @FormParam("recovery_code") String recoveryCode,
                          @FormParam("code") String code,
                          @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code_verifier") String codeVerifier,
                          @FormParam("client_assertion_type") String clientAssertionType,
                          @FormParam("client_assertion") String clientAssertion,
                          @FormParam("scope") String scope,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                          @HeaderParam("X-Forwarded-For") String forwardedFor) {
        TokenResponse body = TokenResponse.of(switch (grantType == null ? "" : grantType) {
            case "password" -> grants.password(username, password, otp, recoveryCode, Origins.of(userAgent, forwardedFor));
            case "authorization_code" -> grants.authorizationCode(code, clientId, redirectUri, codeVerifier);
            case "refresh_token" -> grants.refresh(refreshToken);
            case "client_credentials" -> {
                if (clientAssertion != null) {
                    yield grants.clientAssertion(clientAssertionType, clientAssertion, clientId, scope);
                }
                String[] basic = basicCredentials(authorization);
                yield basic != null ? grants.clientCredentials(basic[0], basic[1], scope) : grants.clientCredentials(clientId, clientSecret, scope);
            }
            case "" -> throw new DomainException(ProblemKind.MALFORMED, "auth.missing-grant-type").with("error", "invalid_request");
            default -> throw new DomainException(ProblemKind.MALFORMED, "auth.unsupported-grant-type", grantType.length() > 40 ? grantType.substring(0, 40) : grantType)
                    .with("error", "unsupported_grant_type");
        });
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log out", description = """
            With a `refresh_token` form field: ends that login session (its refresh-token family). Without one, an \
            authenticated caller ends all of their sessions. Access tokens already issued stay valid until they \
            expire (at most 5 minutes): services verify them offline.""")
    @APIResponse(responseCode = "204", description = "Session(s) ended")
    @APIResponse(responseCode = "400", description = "Neither a refresh token nor a bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "The refresh token belongs to someone else (problem+json)")
    public Response logout(@FormParam("refresh_token") String refreshToken) {
        Optional<UUID> caller = identity.getPrincipal() instanceof JsonWebToken jwt ? parseSubject(jwt.getSubject()) : Optional.empty();
        grants.logout(Optional.ofNullable(refreshToken), caller);
        return Response.noContent().build();
    }

    /** RFC 6749 §2.3.1: {@code Basic base64(urlencode(id) ":" urlencode(secret))}; null when absent or not Basic. */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<UUID> parseSubject(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

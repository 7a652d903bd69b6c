package id.go.kapuaskab.sertel.applicant.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.go.kapuaskab.sertel.applicant.service.IssuedTokens;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 6749 §5.1 access token response; snake_case as OAuth clients expect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TokenResponse", description = "OAuth 2.0 access token response (RFC 6749 §5.1).")
public record TokenResponse(
        @JsonProperty("access_token") @Schema(description = "Signed ES256 JWT; send as `Authorization: Bearer …`.") String accessToken,
        @JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds until the access token expires.", example = "300") long expiresIn,
        @JsonProperty("refresh_token") @Schema(description = "Opaque, single-use; absent for service identities.") String refreshToken,
        @JsonProperty("refresh_expires_in") @Schema(description = "Seconds until the refresh token expires.", example = "28800") Long refreshExpiresIn,
        @JsonProperty("mfa_enrolment_required") @Schema(description = "True when the role requires a second factor that is not enrolled yet.")
        Boolean mfaEnrolmentRequired,
        @Schema(description = "Regional systems: the scopes the token carries (RFC 6749 §3.3).", example = "status:read events:subscribe")
        String scope) {

    static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(), tokens.refreshExpiresIn(),
                tokens.mfaEnrolmentRequired(), tokens.scope());
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}

package id.go.kapuaskab.sertel.applicant.service;

/**
 * What a successful grant hands out; {@code refreshToken} is null for service identities; {@code mfaEnrolmentRequired}
 * is true when the person's role requires a second factor they have not enrolled yet (they may do only that, and
 * nothing that needs step-up, until they have); {@code scope} is what a regional system's token allows.
 */
public record IssuedTokens(String accessToken, long expiresIn, String refreshToken, Long refreshExpiresIn, Boolean mfaEnrolmentRequired,
                           String scope) {

    public IssuedTokens(String accessToken, long expiresIn, String refreshToken, Long refreshExpiresIn, Boolean mfaEnrolmentRequired) {
        this(accessToken, expiresIn, refreshToken, refreshExpiresIn, mfaEnrolmentRequired, null);
    }

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + "]";
    }
}

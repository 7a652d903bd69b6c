package id.go.kapuaskab.sertel.applicant.service;

/** What a successful grant hands out; {@code refreshToken} is null for service identities. */
public record IssuedTokens(String accessToken, long expiresIn, String refreshToken, Long refreshExpiresIn) {
}

package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.testsupport.Oathtool;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A person logged in through the token endpoint (officers with their TOTP code), as a front end keeps the session: the
 * access token, refreshed with the refresh token shortly before it expires, outages waited out like any call.
 */
public final class Session {

    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);
    public static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Api api;
    private final String email;
    private final UUID id;
    private String access;
    private String refresh;
    private Instant expires;

    private Session(Api api, String email, JsonNode tokens) {
        this.api = api;
        this.email = email;
        take(tokens);
        this.id = UUID.fromString(claim(access, "sub"));
    }

    /**
     * Password grant; with {@code totpSecret} the officer's second factor (a code of the next time step). A code that
     * was used already (another client of the same account took this step's codes, e.g. the enrolment just before) is
     * refused: like a person, the login then waits for the authenticator's next code and tries once more.
     */
    public static Session login(Api api, String email, String password, String totpSecret) {
        Reply r = null;
        for (int tries = 0; tries < 3; tries++) {
            Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "username", email, "password", password));
            if (totpSecret != null) {
                form.put("otp", Oathtool.totpAt(totpSecret, Instant.now().plusSeconds(30)));
            }
            r = Patience.through(PATIENCE, () -> api.form("/api/v1/auth/token", form));
            if (totpSecret == null || r.status() != 400 || !"auth.otp-invalid".equals(r.problemCode())) {
                break;
            }
            api.log().excuse(r);
            awaitNextTimeStep();
        }
        return new Session(api, email, r.expect(200));
    }

    private static void awaitNextTimeStep() {
        long now = System.currentTimeMillis();
        try {
            Thread.sleep(30_000 - now % 30_000 + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String email() {
        return email;
    }

    public UUID id() {
        return id;
    }

    /** A valid access token; refreshed first when it is about to run out. One thread at a time. */
    public synchronized String token() {
        if (Instant.now().plus(REFRESH_BEFORE).isAfter(expires)) {
            Reply r = Patience.through(PATIENCE, () -> api.form("/api/v1/auth/token",
                    Map.of("grant_type", "refresh_token", "refresh_token", refresh)));
            take(r.expect(200));
        }
        return access;
    }

    private void take(JsonNode tokens) {
        access = tokens.path("access_token").asText();
        refresh = tokens.path("refresh_token").asText();
        expires = Instant.now().plusSeconds(tokens.path("expires_in").asLong());
    }

    private static String claim(String jwt, String name) {
        byte[] payload = java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        try {
            return Api.JSON.readTree(payload).path(name).asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

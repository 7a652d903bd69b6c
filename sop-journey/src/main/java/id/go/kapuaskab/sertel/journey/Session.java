package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A person logged in through {@code POST /api/v1/auth/token} (password grant), as a front end keeps it: the access
 * token for calls and the refresh token to get a new one shortly before the five minutes run out. The label names
 * the person in narration and failure messages ("verifikator A").
 */
public final class Session {

    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(45);

    private final Gateway gateway;
    private final String label;
    private final String email;
    private Map<String, String> clientCredentials;
    private String accessToken;
    private String refreshToken;
    private Instant expiresAt;
    private boolean enrolmentRequired;

    private Session(Gateway gateway, String label, String email) {
        this.gateway = gateway;
        this.label = label;
        this.email = email;
    }

    /** Logs in with e-mail and password; fails unless the token endpoint answers a Bearer token pair. */
    public static Session login(Gateway gateway, String label, String email, String password) {
        Session s = new Session(gateway, label, email);
        s.take(gateway.post("/api/v1/auth/token")
                .form(form("grant_type", "password", "username", email, "password", password)).send());
        return s;
    }

    /**
     * A regional system's session: OAuth client credentials (HTTP form fields), a new token whenever the last one is
     * about to expire (client credentials have no refresh token).
     */
    static Session client(Gateway gateway, String label, String clientId, String clientSecret) {
        Session s = new Session(gateway, label, clientId);
        s.clientCredentials = form("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
        s.take(gateway.post("/api/v1/auth/token").form(s.clientCredentials).send());
        return s;
    }

    /** Logs in with e-mail, password and the code the person's authenticator app shows (two-factor login). */
    static Session login(Gateway gateway, String label, String email, String password, AuthenticatorApp app) {
        Session s = new Session(gateway, label, email);
        Answer answer = gateway.post("/api/v1/auth/token")
                .form(form("grant_type", "password", "username", email, "password", password, "otp", app.code())).send();
        // another client of the same authenticator (a browser test, an earlier run) used this 30 s code already, or the
        // next one (the server takes one step ahead, and then no earlier step): a code is good once, so the app waits for
        // the next step, as a person would, and shows its code; twice at most
        for (int retry = 0; retry < 2 && answer.status() == 400 && answer.text().contains("auth.otp-invalid"); retry++) {
            answer = gateway.post("/api/v1/auth/token")
                    .form(form("grant_type", "password", "username", email, "password", password, "otp", app.code())).send();
        }
        s.take(answer);
        return s;
    }

    /**
     * Enrols an authenticator app for the logged-in person (the secret is "scanned" from the enrolment answer, the
     * first code confirms it) and returns the app; the recovery codes are not needed here.
     */
    AuthenticatorApp enrolSecondFactor() {
        Answer begun = gateway.post("/api/v1/auth/mfa/enrolment").as(this).send();
        begun.json(200);
        if (!begun.field("otpauthUri").startsWith("otpauth://totp/")) {
            throw begun.fail("the enrolment carries no otpauth:// URI");
        }
        AuthenticatorApp app = new AuthenticatorApp(begun.field("secret"));
        Answer confirmed = gateway.post("/api/v1/auth/mfa/enrolment/confirm").as(this).json(Json.object("code", app.code())).send();
        if (confirmed.json(200).path("recoveryCodes").size() < 1) {
            throw confirmed.fail("no recovery codes after enrolment");
        }
        return app;
    }

    /** Whether the login's tokens say the role requires a second factor that is not enrolled yet. */
    boolean enrolmentRequired() {
        return enrolmentRequired;
    }

    public String label() {
        return label;
    }

    public String email() {
        return email;
    }

    /**
     * The access token, refreshed first when it is about to expire. Threads may share a session (the admin's, across
     * the casts a load run sets up side by side): one refreshes it at a time, since the refresh token is good once.
     */
    public synchronized String accessToken() {
        if (Instant.now().plus(REFRESH_BEFORE).isAfter(expiresAt)) {
            take(gateway.post("/api/v1/auth/token").form(clientCredentials != null ? clientCredentials
                    : form("grant_type", "refresh_token", "refresh_token", refreshToken)).send());
        }
        return accessToken;
    }

    /** Form fields in the order given, so the narration reads like the request. */
    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private void take(Answer answer) {
        JsonNode token = answer.json(200);
        enrolmentRequired = token.path("mfa_enrolment_required").asBoolean(false);
        answer.has("token_type", "Bearer");
        accessToken = answer.field("access_token");
        refreshToken = clientCredentials != null ? null : answer.field("refresh_token");
        long seconds = token.path("expires_in").asLong();
        if (seconds <= 0 || accessToken.split("\\.").length != 3) {
            throw answer.fail("not a usable access token (a JWT with expires_in)");
        }
        expiresAt = Instant.now().plusSeconds(seconds);
    }
}

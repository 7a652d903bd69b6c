package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenEndpointTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    TestAccounts testAccounts;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void passwordGrantIssuesSignedAccessAndRefreshTokens() {
        Account verifier = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);

        Response r = login(verifier.email, PASSWORD);

        r.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("refresh_expires_in", equalTo(28800));
        Map<String, Object> header = jwtPart(r.path("access_token"), 0);
        Map<String, Object> claims = jwtPart(r.path("access_token"), 1);
        assertThat(header).containsEntry("alg", "ES256").containsKey("kid");
        assertThat(claims).containsEntry("iss", TestIssuer.ISSUER)
                .containsEntry("sub", verifier.id.toString())
                .containsEntry("upn", verifier.email)
                .containsEntry("groups", List.of("VERIFIER"))
                .containsEntry("locale", "id");
        assertThat(claims.get("aud")).isIn("sertel", List.of("sertel"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(300);
    }

    /** The JDK's HTTP client asks for HTTP/2 by default: on plain http, an h2c upgrade of the POST that carries the form. */
    @Test
    void aFormPostedThroughAnHttp2UpgradeIsRead() throws Exception {
        Account verifier = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);
        var jdk = java.net.http.HttpClient.newHttpClient();
        var answer = jdk.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + java.net.URLEncoder.encode(verifier.email, StandardCharsets.UTF_8) + "&password="
                        + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("access_token");
    }

    @Test
    void wrongPasswordIsInvalidGrantInIndonesianByDefault() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);

        login(a.email, "wrong password!").then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "id")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.invalid-credentials"))
                .body("title", equalTo("Login gagal"))
                .body("error", equalTo("invalid_grant"))
                .body("status", equalTo(400))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownAccountAnswersExactlyLikeWrongPassword() {
        given().header("Accept-Language", "en").contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", "nobody@kapuaskab.go.id").formParam("password", PASSWORD)
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .header("Content-Language", "en")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.invalid-credentials"))
                .body("title", equalTo("Login failed"))
                .body("detail", equalTo("Wrong e-mail address or password."));
    }

    @Test
    void inactiveAccountCannotLogInEvenWithTheRightPassword() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.PENDING_ACTIVATION, PASSWORD);

        login(a.email, PASSWORD).then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.account-not-active"))
                .body("accountStatus", equalTo("PENDING_ACTIVATION"));
    }

    @Test
    void loginIsCaseInsensitiveOnTheEmail() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);

        login("  " + a.email.toUpperCase() + " ", PASSWORD).then().statusCode(200);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String first = login(a.email, PASSWORD).then().statusCode(200).extract().path("refresh_token");

        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");
        assertThat(second).isNotEqualTo(first);

        refresh(first).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.refresh-reused"))
                .body("error", equalTo("invalid_grant"));
        refresh(second).then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.refresh-revoked"));
    }

    @Test
    void refreshOfADisabledAccountIsRefused() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String token = login(a.email, PASSWORD).path("refresh_token");
        testAccounts.setStatus(a.id, AccountStatus.DISABLED);

        refresh(token).then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.account-not-active"));
    }

    @Test
    void authTimeIsTheLoginAndSurvivesRefreshes() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        MutableClock.INSTANCE.set(java.time.Instant.parse("2026-11-23T01:00:00Z"));
        Response first = login(a.email, PASSWORD).then().statusCode(200).extract().response();
        assertThat(((Number) jwtPart(first.path("access_token"), 1).get("auth_time")).longValue())
                .isEqualTo(java.time.Instant.parse("2026-11-23T01:00:00Z").getEpochSecond());

        MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
        Response refreshed = refresh(first.path("refresh_token")).then().statusCode(200).extract().response();

        Map<String, Object> claims = jwtPart(refreshed.path("access_token"), 1);
        assertThat(((Number) claims.get("auth_time")).longValue()).isEqualTo(java.time.Instant.parse("2026-11-23T01:00:00Z").getEpochSecond());
        assertThat(((Number) claims.get("iat")).longValue()).isEqualTo(java.time.Instant.parse("2026-11-23T01:20:00Z").getEpochSecond());
    }

    @Test
    void expiredRefreshTokenIsRefused() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String token = login(a.email, PASSWORD).path("refresh_token");
        MutableClock.INSTANCE.advance(Duration.ofHours(9));

        refresh(token).then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.refresh-expired"));
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refresh("not-a-token-we-issued").then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.refresh-invalid"));
    }

    @Test
    void repeatedFailuresHoldTheAccountWithGrowingBackOff() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        MutableClock.INSTANCE.set(java.time.Instant.parse("2026-11-23T01:00:00Z"));
        for (int i = 0; i < 5; i++) {
            login(a.email, "wrong-" + i).then().statusCode(400);
        }

        login(a.email, PASSWORD).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("30"))
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.locked"));

        MutableClock.INSTANCE.advance(Duration.ofSeconds(30));
        login(a.email, "wrong-again").then().statusCode(400);
        login(a.email, PASSWORD).then().statusCode(429).header("Retry-After", equalTo("60"));

        MutableClock.INSTANCE.advance(Duration.ofSeconds(60));
        login(a.email, PASSWORD).then().statusCode(200);
        login(a.email, "wrong-after-success").then().statusCode(400);
        login(a.email, PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownNamesAreHeldToo() {
        for (int i = 0; i < 5; i++) {
            login("ghost@kapuaskab.go.id", "guess-" + i).then().statusCode(400);
        }
        login("ghost@kapuaskab.go.id", "guess-6").then().statusCode(429);
    }

    @Test
    void clientCredentialsWithBasicAuthGiveTheServiceRoleOnly() {
        String basic = Base64.getEncoder().encodeToString("renewal-service:test-renewal-secret".getBytes(StandardCharsets.UTF_8));
        Response r = given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token");

        r.then().statusCode(200).body("refresh_token", nullValue()).body("token_type", equalTo("Bearer"));
        Map<String, Object> claims = jwtPart(r.path("access_token"), 1);
        assertThat(claims).containsEntry("sub", "renewal-service")
                .containsEntry("groups", List.of("RENEWAL_SERVICE"))
                .containsEntry("client_id", "renewal-service");
    }

    @Test
    void clientCredentialsInTheFormWorkToo() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "notification-service").formParam("client_secret", "test-notification-secret")
                .post("/api/v1/auth/token")
                .then().statusCode(200);
    }

    @Test
    void wrongClientSecretIsInvalidClientWithABasicChallenge() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "renewal-service").formParam("client_secret", "guess")
                .post("/api/v1/auth/token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.invalid-client"))
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void unsupportedAndMissingGrantTypesAreProblems() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "device_code")
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("unsupported_grant_type"))
                .body("detail", containsString("device_code"));
        given().contentType(ContentType.URLENC).formParam("username", "x")
                .post("/api/v1/auth/token")
                .then().statusCode(400).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.missing-grant-type"));
    }

    @Test
    void jsonBodyOnTheTokenEndpointIs415() {
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"password\"}")
                .post("/api/v1/auth/token")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/unsupported-media-type"));
    }

    @Test
    void getOnTheTokenEndpointIs405() {
        given().get("/api/v1/auth/token")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/method-not-allowed"));
    }

    @Test
    void logoutWithTheRefreshTokenEndsThatSession() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String token = login(a.email, PASSWORD).path("refresh_token");

        given().contentType(ContentType.URLENC).formParam("refresh_token", token)
                .post("/api/v1/auth/logout").then().statusCode(204);

        refresh(token).then().statusCode(400)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.refresh-revoked"));
    }

    @Test
    void logoutWithOnlyTheAccessTokenEndsEverySessionOfTheCaller() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        Response one = login(a.email, PASSWORD);
        Response two = login(a.email, PASSWORD);

        given().auth().oauth2(one.path("access_token")).contentType(ContentType.URLENC)
                .post("/api/v1/auth/logout").then().statusCode(204);

        refresh(one.path("refresh_token")).then().statusCode(400);
        refresh(two.path("refresh_token")).then().statusCode(400);
    }

    @Test
    void logoutWithSomeoneElsesRefreshTokenIsForbiddenAndLeavesTheirSessionAlone() {
        Account victim = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        Account other = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String victimRefresh = login(victim.email, PASSWORD).path("refresh_token");
        String otherAccess = login(other.email, PASSWORD).path("access_token");

        given().auth().oauth2(otherAccess).contentType(ContentType.URLENC).formParam("refresh_token", victimRefresh)
                .post("/api/v1/auth/logout").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.not-your-session"));

        refresh(victimRefresh).then().statusCode(200).body("refresh_token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void logoutWithNothingIsABadRequest() {
        given().contentType(ContentType.URLENC).post("/api/v1/auth/logout")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void logoutWithAForgedBearerTokenIs401() {
        given().auth().oauth2(id.go.kapuaskab.sertel.testsupport.TestTokens.otherKey("APPLICANT"))
                .contentType(ContentType.URLENC).post("/api/v1/auth/logout")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    static Response login(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token");
    }

    static Response refresh(String token) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .post("/api/v1/auth/token");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jwtPart(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(json).getMap("");
    }
}

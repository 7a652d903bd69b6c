package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryTest {

    @Test
    void jwksPublishesThePublicSigningKeyAndThePreviousOneForRotation() {
        given().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys.kid", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{43}")))
                .body("keys[1].kty", equalTo("EC"))
                .body("keys[1]", not(hasKey("d")))
                .body("keys[0].kty", equalTo("EC"))
                .body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].alg", equalTo("ES256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0]", not(hasKey("d")));
    }

    @Test
    void discoveryNamesTheIssuerAndItsEndpoints() {
        given().get("/api/v1/auth/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(TestIssuer.ISSUER))
                .body("token_endpoint", equalTo(TestIssuer.ISSUER + "/token"))
                .body("jwks_uri", equalTo(TestIssuer.ISSUER + "/jwks"))
                .body("grant_types_supported", hasItems("password", "refresh_token", "client_credentials"));
    }

    @Test
    void unknownPathsAreProblemJson404() {
        given().header("Accept-Language", "en").get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/not-found"))
                .body("title", equalTo("Not found"));
    }

    @Test
    void oversizedBodiesAre413BeforeTheyAreRead() {
        given().contentType("application/x-www-form-urlencoded").body("grant_type=password&password=" + "x".repeat(1_100_000))
                .post("/api/v1/auth/token").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/payload-too-large"));
    }

    @Test
    void requestIdIsEchoedWhenSafeAndReplacedWhenNot() {
        given().header("X-Request-Id", "abc-123").get("/api/v1/auth/jwks").then().header("X-Request-Id", equalTo("abc-123"));
        given().header("X-Request-Id", "evil\r\ninjected").get("/api/v1/auth/jwks")
                .then().header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void healthReadinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"));
    }
}

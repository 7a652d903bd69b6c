package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** 401 for missing and hostile tokens and 403 for the wrong role or someone else's data, on every secured endpoint. */
@QuarkusTest
class SecurityTest {

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";

    /** One secured endpoint: how to call it, given a prepared request. */
    private record Endpoint(String name, Function<RequestSpecification, io.restassured.response.Response> call) {
    }

    private static List<Endpoint> endpoints() {
        String serial = "abc123";
        return List.of(
                new Endpoint("POST /internal/certificates", r -> r.contentType("application/json").body(Issue.withCsr(Csrs.p256()).body)
                        .post("/internal/certificates")),
                new Endpoint("POST /internal/csr-checks", r -> r.contentType("application/json")
                        .body(Map.of("csr", "x", "profile", Issue.PROFILE)).post("/internal/csr-checks")),
                new Endpoint("GET /internal/certificates", r -> r.queryParam("holderId", UUID.randomUUID().toString()).get("/internal/certificates")),
                new Endpoint("GET /internal/certificates/{serial}", r -> r.get("/internal/certificates/" + serial)),
                new Endpoint("POST /internal/certificates/current", r -> r.contentType("application/json")
                        .body(Map.of("holderIds", List.of(UUID.randomUUID().toString()))).post("/internal/certificates/current")),
                new Endpoint("GET /internal/certificates/expiring", r -> r.queryParam("from", "2030-01-01T00:00:00Z")
                        .queryParam("to", "2030-02-01T00:00:00Z").get("/internal/certificates/expiring")),
                new Endpoint("POST /internal/certificates/{serial}/revocation", r -> r.contentType("application/json")
                        .body(Map.of("reason", "keyCompromise")).post("/internal/certificates/" + serial + "/revocation")),
                new Endpoint("GET /api/v1/certificates", r -> r.get("/api/v1/certificates")),
                new Endpoint("GET /api/v1/certificates/{serial}", r -> r.get("/api/v1/certificates/" + serial)),
                new Endpoint("POST /api/v1/certificates/{serial}/revoke", r -> r.contentType("application/json")
                        .body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + "/revoke")),
                new Endpoint("POST /api/v1/certificates/{serial}/suspend", r -> r.post("/api/v1/certificates/" + serial + "/suspend")),
                new Endpoint("POST /api/v1/certificates/{serial}/resume", r -> r.post("/api/v1/certificates/" + serial + "/resume")));
    }

    @Test
    void everySecuredEndpointRefusesMissingAndHostileTokens() {
        List<String> hostile = List.of(TestTokens.expired("ADMIN"), TestTokens.wrongIssuer("RENEWAL_SERVICE"),
                TestTokens.otherKey("RENEWAL_SERVICE"), TestTokens.algNone("ADMIN"), TestTokens.wrongAudience("ADMIN"));
        for (Endpoint e : endpoints()) {
            e.call().apply(given()).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("type", equalTo(TYPES + "unauthenticated"));
            for (String token : hostile) {
                e.call().apply(given().auth().oauth2(token)).then().statusCode(401).contentType("application/problem+json")
                        .body("type", equalTo(TYPES + "invalid-token"));
            }
        }
    }

    @Test
    void tokensAreVerifiedWithBouncyCastleEcdsaAndStillRefusedWhenForged() {
        org.assertj.core.api.Assertions.assertThat(java.security.Security.getProviders("Signature.SHA256withECDSA")[0].getName())
                .isEqualTo("SertelBcEcdsa");
        given().auth().oauth2(TestTokens.otherKey("RENEWAL_SERVICE")).get("/internal/certificates/abc").then().statusCode(401);
        given().auth().oauth2(Issue.renewalToken()).get("/internal/certificates/abc").then().statusCode(404);
    }

    @Test
    void onlyRenewalServiceMaySign() {
        for (String token : List.of(Issue.notificationToken(), TestTokens.admin(UUID.randomUUID()),
                TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID()), TestTokens.service("applicant-service", "APPLICANT_SERVICE"))) {
            Issue.withCsr(Csrs.p256()).post(token).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(TYPES + "forbidden"));
        }
    }

    @Test
    void internalReadersHaveOnlyTheirOwnPaths() {
        // the expiring view: notification-service (reminders) and renewal-service (its metric of certificates expiring
        // without a renewal) read it; the applicants' service does not
        given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE"))
                .queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2030-02-01T00:00:00Z")
                .get("/internal/certificates/expiring").then().statusCode(403);
        given().auth().oauth2(Issue.notificationToken()).queryParam("holderId", UUID.randomUUID().toString())
                .get("/internal/certificates").then().statusCode(403);
        given().auth().oauth2(Issue.notificationToken()).contentType("application/json").body(Map.of("reason", "keyCompromise"))
                .post("/internal/certificates/abc/revocation").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/internal/certificates/abc").then().statusCode(403);
        given().auth().oauth2(Issue.renewalToken()).get("/api/v1/certificates").then().statusCode(403);
        for (String token : List.of(Issue.renewalToken(), Issue.notificationToken(), TestTokens.admin(UUID.randomUUID()),
                TestTokens.integration("int-0123456789abcdef0123").scopes("status:read").sign())) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("holderIds", List.of(UUID.randomUUID().toString())))
                    .post("/internal/certificates/current").then().statusCode(403).body("type", equalTo(TYPES + "forbidden"));
        }
        given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).get("/internal/certificates/abc")
                .then().statusCode(403);
    }

    @Test
    void peopleSeeOnlyWhatTheirRoleAndInstitutionAllow() {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String serial = Issue.withCsr(Csrs.p256(), holder, institution).post().path("serial");

        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), institution)).get("/api/v1/certificates/" + serial)
                .then().statusCode(403).body("type", equalTo(TYPES + "certificate.not-yours"));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/certificates/" + serial)
                .then().statusCode(403).body("type", equalTo(TYPES + "certificate.not-yours"));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), institution)).get("/api/v1/certificates/" + serial)
                .then().statusCode(200);
        for (String path : List.of("/revoke", "/suspend", "/resume")) {
            given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), institution)).contentType("application/json")
                    .body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + path).then().statusCode(403)
                    .body("type", equalTo(TYPES + "forbidden"));
            given().auth().oauth2(TestTokens.applicant(holder, institution)).contentType("application/json")
                    .body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + path).then().statusCode(403);
        }
        given().auth().oauth2(Issue.renewalToken()).get("/internal/certificates/" + serial).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}

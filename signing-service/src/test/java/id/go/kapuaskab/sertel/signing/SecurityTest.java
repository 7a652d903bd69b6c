package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint refuses a missing or bad token with 401 and a role it does not serve with 403, as problem+json. */
@QuarkusTest
class SecurityTest {

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";
    private static final String KEY = "/" + UUID.randomUUID();

    /** One endpoint: how to call it with a request, and a token of a role it refuses. */
    record Endpoint(String name, Function<RequestSpecification, io.restassured.response.Response> call, String wrongRoleToken) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        String applicant = TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
        String verifier = TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID());
        String renewal = Holders.renewalToken();
        return List.of(
                new Endpoint("POST /internal/signing-keys", r -> r.contentType(ContentType.JSON).body("{}").post("/internal/signing-keys"), applicant),
                new Endpoint("POST /internal/signing-keys/{id}/certificate", r -> r.contentType(ContentType.JSON).body("{}")
                        .post("/internal/signing-keys" + KEY + "/certificate"), verifier),
                new Endpoint("GET /api/v1/signing-keys", r -> r.get("/api/v1/signing-keys"), renewal),
                new Endpoint("POST /api/v1/signing-keys/{id}/passphrase", r -> r.contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/signing-keys" + KEY + "/passphrase"), verifier),
                new Endpoint("POST /api/v1/signing-keys/{id}/unlock", r -> r.contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/signing-keys" + KEY + "/unlock"), applicant),
                new Endpoint("POST /api/v1/signatures", r -> r.multiPart("document", "a.pdf", Pdfs.letter(), "application/pdf")
                        .multiPart("passphrase", "x").post("/api/v1/signatures"), verifier),
                new Endpoint("GET /api/v1/signatures", r -> r.get("/api/v1/signatures"), renewal),
                new Endpoint("POST /api/v1/signatures/verification", r -> r.multiPart("document", "a.pdf", Pdfs.letter(), "application/pdf")
                        .post("/api/v1/signatures/verification"), null));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void refusesMissingAndBadTokensWith401(Endpoint e) {
        e.call().apply(given()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo(TYPES + "unauthenticated"));
        for (String bad : List.of(TestTokens.expired("APPLICANT"), TestTokens.wrongIssuer("APPLICANT"), TestTokens.wrongAudience("APPLICANT"),
                TestTokens.otherKey("APPLICANT"), TestTokens.algNone("APPLICANT"))) {
            e.call().apply(given().auth().oauth2(bad)).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo(TYPES + "invalid-token"));
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void refusesRolesItDoesNotServeWith403(Endpoint e) {
        if (e.wrongRoleToken() == null) {
            return;                                          // verification: any authenticated caller
        }
        e.call().apply(given().auth().oauth2(e.wrongRoleToken())).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "forbidden"));
    }
}

package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint: 401 problem+json for no, expired, foreign, wrongly signed and unsigned tokens; 403 for the wrong roles. */
@QuarkusTest
class SecurityTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final Set<String> ALL_PEOPLE = Set.of("APPLICANT", "VERIFIER", "ADMIN");
    private static final Set<String> OFFICERS = Set.of("VERIFIER", "ADMIN");

    /** An endpoint and the roles it admits. */
    record Endpoint(String method, String path, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String r = Flow.REQUESTS;
        return List.of(
                new Endpoint("GET", r, ALL_PEOPLE),
                new Endpoint("POST", r, Set.of("APPLICANT")),
                new Endpoint("GET", r + "/" + ID, ALL_PEOPLE),
                new Endpoint("PUT", r + "/" + ID, Set.of("APPLICANT")),
                new Endpoint("GET", r + "/" + ID + "/timeline", ALL_PEOPLE),
                new Endpoint("POST", r + "/" + ID + "/submit", Set.of("APPLICANT")),
                new Endpoint("POST", r + "/" + ID + "/cancel", Set.of("APPLICANT")),
                new Endpoint("POST", r + "/" + ID + "/collect", Set.of("APPLICANT")),
                new Endpoint("GET", r + "/queue", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/claim", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/release", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/checks", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/approve", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/return", OFFICERS),
                new Endpoint("POST", r + "/" + ID + "/reject", OFFICERS),
                new Endpoint("GET", r + "/stuck", Set.of("ADMIN")),
                new Endpoint("POST", r + "/" + ID + "/issuance/retry", Set.of("ADMIN")),
                new Endpoint("GET", r + "/sop-summary", Set.of("ADMIN")),
                new Endpoint("POST", "/internal/requests/open", Set.of("APPLICANT_SERVICE")),
                new Endpoint("POST", "/internal/requests/revocations", Set.of("APPLICANT_SERVICE")));
    }

    static Stream<Arguments> unauthenticated() {
        List<Arguments> args = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String kind : List.of("none", "expired", "wrongIssuer", "wrongAudience", "otherKey", "algNone")) {
                args.add(Arguments.of(e, kind));
            }
        }
        return args.stream();
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> args = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            args.add(Arguments.of(e, "RENEWAL_SERVICE"));
            for (String role : ALL_PEOPLE) {
                if (!e.roles().contains(role)) {
                    args.add(Arguments.of(e, role));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} with {1} token")
    @MethodSource("unauthenticated")
    void badOrMissingTokensAre401(Endpoint e, String kind) {
        RequestSpecification request = given().header("Accept-Language", "en").contentType("application/json").body("{}");
        if (!kind.equals("none")) {
            String role = e.roles().iterator().next();
            request = request.auth().oauth2(switch (kind) {
                case "expired" -> TestTokens.expired(role);
                case "wrongIssuer" -> TestTokens.wrongIssuer(role);
                case "wrongAudience" -> TestTokens.wrongAudience(role);
                case "otherKey" -> TestTokens.otherKey(role);
                default -> TestTokens.algNone(role);
            });
        }
        request.request(e.method(), e.path()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/" + (kind.equals("none") ? "unauthenticated" : "invalid-token")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("forbidden")
    void wrongRolesAre403(Endpoint e, String role) {
        String token = switch (role) {
            case "RENEWAL_SERVICE" -> TestTokens.service("renewal-service", "RENEWAL_SERVICE");
            case "APPLICANT" -> TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
            case "VERIFIER" -> TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID());
            default -> TestTokens.admin(UUID.randomUUID());
        };
        given().auth().oauth2(token).contentType("application/json").body("{}").request(e.method(), e.path()).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/forbidden"))
                .body("title", equalTo("Akses ditolak"));
    }
}

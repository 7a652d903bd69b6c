package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every secured endpoint of this service, against every hostile token (401) and every role it does not allow
 * (403). The ids in the paths need not exist: authentication and the role check come first.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final Set<String> PEOPLE = Set.of("APPLICANT", "VERIFIER", "ADMIN");
    private static final List<String> ALL_ROLES = List.of("APPLICANT", "VERIFIER", "ADMIN", "RENEWAL_SERVICE", "NOTIFICATION_SERVICE",
            "INTEGRATION");

    record Endpoint(String method, String path, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        Set<String> applicant = Set.of("APPLICANT");
        Set<String> officers = Set.of("VERIFIER", "ADMIN");
        Set<String> people = Set.of("APPLICANT", "VERIFIER", "ADMIN");
        Set<String> admin = Set.of("ADMIN");
        String inst = "{\"code\":\"SECX\",\"name\":\"Dinas Sec\",\"emailDomains\":[\"sec.go.id\"],\"version\":0}";
        return List.of(
                new Endpoint("GET", "/api/v1/applicants/me", null, applicant),
                new Endpoint("POST", "/api/v1/applicants/me/confirmation", "{\"dataVersion\":1}", applicant),
                new Endpoint("GET", "/api/v1/applicants/me/data-changes", null, applicant),
                new Endpoint("POST", "/api/v1/applicants/me/data-changes", "{\"dataVersion\":1,\"changes\":{\"position\":\"x\"},\"reason\":\"x\"}", applicant),
                new Endpoint("GET", "/api/v1/applicants", null, officers),
                new Endpoint("POST", "/api/v1/applicants", "{}", officers),
                new Endpoint("GET", "/api/v1/applicants/" + ID, null, officers),
                new Endpoint("GET", "/api/v1/applicants/" + ID + "/history", null, officers),
                new Endpoint("POST", "/api/v1/applicants/" + ID + "/activation", null, officers),
                new Endpoint("GET", "/api/v1/data-changes", null, officers),
                new Endpoint("GET", "/api/v1/data-changes/" + ID, null, people),
                new Endpoint("GET", "/api/v1/data-changes/" + ID + "/documents/" + ID, null, people),
                new Endpoint("POST", "/api/v1/data-changes/" + ID + "/approve", null, officers),
                new Endpoint("POST", "/api/v1/data-changes/" + ID + "/reject", "{\"reason\":\"x\"}", officers),
                new Endpoint("POST", "/api/v1/data-changes/" + ID + "/cancel", null, applicant),
                new Endpoint("POST", "/api/v1/institutions", inst, admin),
                new Endpoint("PUT", "/api/v1/institutions/" + ID, inst, admin),
                new Endpoint("POST", "/api/v1/institutions/" + ID + "/work-units", "{\"name\":\"x\"}", admin),
                new Endpoint("PUT", "/api/v1/institutions/" + ID + "/work-units/" + ID, "{\"name\":\"x\"}", admin),
                new Endpoint("GET", "/api/v1/institutions?includeInactive=true", null, admin),
                new Endpoint("GET", "/api/v1/officers", null, admin),
                new Endpoint("POST", "/api/v1/officers", "{\"email\":\"o@kapuaskab.go.id\",\"fullName\":\"O\",\"role\":\"VERIFIER\"}", admin),
                new Endpoint("GET", "/api/v1/officers/" + ID, null, admin),
                new Endpoint("PUT", "/api/v1/officers/" + ID + "/institutions", "{\"institutionIds\":[]}", admin),
                new Endpoint("GET", "/internal/applicants/" + ID, null, Set.of("RENEWAL_SERVICE", "NOTIFICATION_SERVICE")),
                new Endpoint("GET", "/internal/institutions/" + ID + "/verifiers", null, Set.of("NOTIFICATION_SERVICE")),
                new Endpoint("POST", "/api/v1/integrations/status-lookups", "{\"people\":[{\"nip\":\"199008122015031003\"}]}",
                        Set.of("INTEGRATION")),
                new Endpoint("GET", "/api/v1/integrations/status-lookups", null, admin),
                new Endpoint("POST", "/api/v1/integrations/staff-sync", "{\"people\":[{\"nip\":\"199008122015031003\"}]}",
                        Set.of("INTEGRATION")),
                new Endpoint("GET", "/api/v1/integrations/staff-sync", null, admin));
    }

    static Stream<Arguments> hostileTokens() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String role = e.roles().iterator().next();
            cases.add(Arguments.of(e, "none", null));
            cases.add(Arguments.of(e, "expired", TestTokens.expired(role)));
            cases.add(Arguments.of(e, "wrong issuer", TestTokens.wrongIssuer(role)));
            cases.add(Arguments.of(e, "wrong audience", TestTokens.wrongAudience(role)));
            cases.add(Arguments.of(e, "other key", TestTokens.otherKey(role)));
            cases.add(Arguments.of(e, "alg none", TestTokens.algNone(role)));
        }
        return cases.stream();
    }

    static Stream<Arguments> wrongRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String role : ALL_ROLES) {
                if (!e.roles().contains(role)) {
                    String token = PEOPLE.contains(role) ? TestTokens.user(UUID.randomUUID(), role).sign()
                            : TestTokens.service(role.toLowerCase().replace('_', '-'), role);
                    cases.add(Arguments.of(e, role, token));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1} token is 401")
    @MethodSource("hostileTokens")
    void refusesWithoutAValidToken(Endpoint endpoint, String kind, String token) {
        RequestSpecification request = given().header("Accept-Language", "en");
        if (token != null) {
            request.auth().oauth2(token);
        }
        call(request, endpoint).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} as {1} is 403")
    @MethodSource("wrongRoles")
    void refusesRolesThatMayNot(Endpoint endpoint, String role, String token) {
        call(given().auth().oauth2(token), endpoint).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/forbidden"));
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint e) {
        if (e.body() != null) {
            request.contentType(ContentType.JSON).body(e.body());
        }
        return request.request(e.method(), e.path());
    }
}

package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RequestListTest {

    @Inject
    RequestRepository requests;

    UUID institution;
    UUID otherInstitution;
    UUID applicant;
    UUID older;
    UUID newer;
    UUID foreign;

    @BeforeEach
    void seed() {
        institution = UUID.randomUUID();
        otherInstitution = UUID.randomUUID();
        applicant = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        older = insert(applicant, institution, RequestState.SUBMITTED, t.minusSeconds(60));
        newer = insert(applicant, institution, RequestState.DRAFT, t, RequestType.REVOCATION);
        foreign = insert(UUID.randomUUID(), otherInstitution, RequestState.SUBMITTED, t.minusSeconds(30));
    }

    private UUID insert(UUID applicantId, UUID institutionId, RequestState state, Instant at) {
        return insert(applicantId, institutionId, state, at, RequestType.RENEWAL);
    }

    /** One open request per applicant and type, so the second one of an applicant is of another type. */
    private UUID insert(UUID applicantId, UUID institutionId, RequestState state, Instant at, RequestType type) {
        CertificateRequest r = new CertificateRequest();
        r.id = UUID.randomUUID();
        r.type = type;
        r.state = state;
        r.applicantId = applicantId;
        r.institutionId = institutionId;
        r.createdAt = at;
        r.updatedAt = at;
        QuarkusTransaction.requiringNew().run(() -> requests.persist(r));
        return r.id;
    }

    @Test
    void applicantsSeeOnlyTheirOwnNewestFirst() {
        given().auth().oauth2(TestTokens.applicant(applicant, institution)).get("/api/v1/requests")
                .then().statusCode(200)
                .body("items.id", contains(newer.toString(), older.toString()))
                .body("total", equalTo(2));
    }

    @Test
    void verifiersSeeTheirInstitutionsQueueOldestFirstAndNothingElse() {
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), institution)).get("/api/v1/requests?state=SUBMITTED")
                .then().statusCode(200)
                .body("items.id", contains(older.toString()));
    }

    @Test
    void aVerifierWithoutInstitutionsSeesNothing() {
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID())).get("/api/v1/requests")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void adminsSeeEveryInstitution() {
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/requests?limit=100")
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(older.toString(), newer.toString(), foreign.toString()));
    }

    @Test
    void serviceIdentitiesAreForbidden() {
        given().auth().oauth2(TestTokens.service("notification-service", "NOTIFICATION_SERVICE")).get("/api/v1/requests")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/forbidden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "expired", "wrongIssuer", "wrongAudience", "otherKey", "algNone"})
    void badOrMissingTokensAre401(String kind) {
        var request = given().header("Accept-Language", "en");
        if (!kind.equals("none")) {
            request = request.auth().oauth2(switch (kind) {
                case "expired" -> TestTokens.expired("APPLICANT");
                case "wrongIssuer" -> TestTokens.wrongIssuer("APPLICANT");
                case "wrongAudience" -> TestTokens.wrongAudience("APPLICANT");
                case "otherKey" -> TestTokens.otherKey("APPLICANT");
                default -> TestTokens.algNone("APPLICANT");
            });
        }
        request.get("/api/v1/requests").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void pageSizeIsBounded() {
        given().auth().oauth2(TestTokens.applicant(applicant, institution)).get("/api/v1/requests?limit=1000")
                .then().statusCode(422).contentType("application/problem+json")
                .body("fieldErrors[0].field", equalTo("limit"))
                .body("fieldErrors[0].code", equalTo("max"))
                .body("fieldErrors[0].message", equalTo("harus kurang dari atau sama dengan 100"));
    }

    @Test
    void unknownStateIsABadRequestNotANotFound() {
        given().auth().oauth2(TestTokens.applicant(applicant, institution)).header("Accept-Language", "en")
                .get("/api/v1/requests?state=NONSENSE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/invalid-parameter"));
    }
}

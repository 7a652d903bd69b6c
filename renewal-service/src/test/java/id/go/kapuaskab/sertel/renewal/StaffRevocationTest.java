package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /internal/requests/revocations}: applicant-service opens a revocation request for a holder the staffing
 * system reports as retired or deceased; verifiers decide it like any revocation.
 */
@QuarkusTest
class StaffRevocationTest {

    private static final String REVOCATIONS = "/internal/requests/revocations";
    private static final String CLIENT = "int-5f0c2a9e81d3b7c4e6a1";

    @Test
    void opensASubmittedRevocationOnceThatVerifiersDecideAndTheCaCarriesOut() {
        Flow.Person holder = Flow.applicant();
        String serial = Flow.firstCertificate(holder);
        UUID requestId = UUID.randomUUID();

        JsonPath first = ask(requestId, holder.id(), "affiliationChanged").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("outcome")).isEqualTo("OPENED");
        assertThat(first.getString("requestId")).isEqualTo(requestId.toString());
        assertThat(first.getString("certificateSerial")).isEqualTo(serial);
        ask(requestId, holder.id(), "affiliationChanged").then().statusCode(200).body("outcome", equalTo("OPENED"))
                .body("requestId", equalTo(requestId.toString()));
        ask(UUID.randomUUID(), holder.id(), "cessationOfOperation").then().statusCode(200).body("outcome", equalTo("ALREADY_OPEN"))
                .body("requestId", equalTo(requestId.toString()));

        JsonPath detail = Flow.detail(requestId.toString());
        assertThat(detail.getString("request.type")).isEqualTo("REVOCATION");
        assertThat(detail.getString("request.state")).isEqualTo("SUBMITTED");
        assertThat(detail.getString("request.applicantId")).isEqualTo(holder.id().toString());
        assertThat(detail.getString("request.institutionId")).isEqualTo(holder.institution().toString());
        assertThat(detail.getString("request.certificateSerial")).isEqualTo(serial);
        assertThat(detail.getString("request.revocationReason")).isEqualTo("affiliationChanged");

        Flow.Person checker = Flow.verifier(holder.institution());
        Flow.claim(checker, requestId.toString());
        Flow.recordChecks(checker, requestId.toString());
        Flow.approve(Flow.verifier(holder.institution()), requestId.toString()).then().statusCode(200);
        Flow.awaitState(requestId.toString(), "COMPLETED", Duration.ofSeconds(30));
        ask(UUID.randomUUID(), holder.id(), "affiliationChanged").then().statusCode(200).body("outcome", equalTo("NOTHING_TO_REVOKE"))
                .body("requestId", equalTo(null));
    }

    @Test
    void nothingToRevokeOpensNothingAndOnlyApplicantServiceMayAsk() {
        Flow.Person newcomer = Flow.applicant();
        ask(UUID.randomUUID(), newcomer.id(), "cessationOfOperation").then().statusCode(200).body("outcome", equalTo("NOTHING_TO_REVOKE"));
        given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).contentType("application/json")
                .body(Map.of("applicantIds", List.of(newcomer.id().toString()))).post("/internal/requests/open")
                .then().statusCode(200).body("items.size()", equalTo(0));

        Map<String, Object> body = body(UUID.randomUUID(), newcomer.id(), "affiliationChanged");
        for (String token : List.of(newcomer.token(), Flow.verifier(newcomer.institution()).token(),
                TestTokens.service("notification-service", "NOTIFICATION_SERVICE"))) {
            given().auth().oauth2(token).contentType("application/json").body(body).post(REVOCATIONS).then().statusCode(403);
        }
        given().contentType("application/json").body(body).post(REVOCATIONS).then().statusCode(401);
        Map<String, Object> hold = body(UUID.randomUUID(), newcomer.id(), "certificateHold");
        ask(hold).then().statusCode(400).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/malformed-request"));  // no RFC 5280 reason we ask for
        Map<String, Object> noClient = body(UUID.randomUUID(), newcomer.id(), "affiliationChanged");
        noClient.remove("clientId");
        ask(noClient).then().statusCode(422).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/validation"))
                .body("fieldErrors[0].field", equalTo("clientId"));
    }

    private static Response ask(UUID requestId, UUID applicant, String reason) {
        return ask(body(requestId, applicant, reason));
    }

    private static Response ask(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).contentType("application/json")
                .body(body).post(REVOCATIONS);
    }

    private static Map<String, Object> body(UUID requestId, UUID applicant, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("applicantId", applicant.toString());
        body.put("reason", reason);
        body.put("clientId", CLIENT);
        body.put("note", "Pensiun sesuai SK BKN (SIMPEG)");
        return body;
    }
}

package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every edge of the state machine, and 409 naming the current state for everything else. */
@QuarkusTest
class TransitionsTest {

    private static final String R = Flow.REQUESTS + "/";

    @Test
    void draftIsSubmittedClaimedReleasedAndClaimedAgain() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of("keyType", "EC_P384")));
        assertThat(Flow.detail(id).getString("request.state")).isEqualTo("DRAFT");
        Flow.submit(applicant, id);
        Flow.Person v = Flow.verifier(applicant.institution());
        Flow.post(v.token(), R + id + "/claim", null).then().statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("claimedBy", equalTo(v.id().toString()));
        Flow.post(v.token(), R + id + "/release", Map.of("reason", "end of shift")).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        Flow.claim(Flow.verifier(applicant.institution()), id);
        JsonPath detail = Flow.detail(id);
        assertThat(detail.getList("history.to")).containsExactly("DRAFT", "SUBMITTED", "IN_REVIEW", "SUBMITTED", "IN_REVIEW");
        assertThat(detail.getList("history.actorRole")).containsExactly("APPLICANT", "APPLICANT", "VERIFIER", "VERIFIER", "VERIFIER");
        assertThat(detail.getString("history[3].reason")).isEqualTo("end of shift");
    }

    @Test
    void returnedRequestsAreEditedAndSubmittedAgain() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.Person v = Flow.verifier(applicant.institution());
        Flow.claim(v, id);
        Flow.post(v.token(), R + id + "/return", Map.of()).then().statusCode(422).body("fieldErrors[0].field", equalTo("reason"));
        Flow.post(v.token(), R + id + "/return", Map.of("reason", "CSR made with the wrong key")).then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("reason", equalTo("CSR made with the wrong key"));
        String newCsr = applicant.newCsr();
        io.restassured.RestAssured.given().auth().oauth2(applicant.token()).contentType("application/json")
                .body(Map.of("csr", newCsr)).put(R + id).then().statusCode(200).body("state", equalTo("RETURNED"));
        Flow.submit(applicant, id);
        assertThat(Flow.detail(id).getString("csr")).isEqualTo(newCsr.trim());
        io.restassured.RestAssured.given().auth().oauth2(applicant.token()).contentType("application/json")
                .body(Map.of("csr", newCsr)).put(R + id).then().statusCode(409)
                .body("code", equalTo("request.not-editable")).body("currentState", equalTo("SUBMITTED"));
    }

    @Test
    void rejectionNeedsAReasonAndIsTerminal() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.Person v = Flow.verifier(applicant.institution());
        Flow.claim(v, id);
        Flow.post(v.token(), R + id + "/reject", Map.of("reason", " ")).then().statusCode(422);
        Flow.post(v.token(), R + id + "/reject", Map.of("reason", "not an employee of this institution")).then().statusCode(200)
                .body("state", equalTo("REJECTED"));
        for (String action : new String[] {"claim", "approve", "release"}) {
            Flow.post(v.token(), R + id + "/" + action, null).then().statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("request.invalid-transition")).body("currentState", equalTo("REJECTED"));
        }
        Flow.post(applicant.token(), R + id + "/cancel", null).then().statusCode(409).body("currentState", equalTo("REJECTED"));
        Flow.post(applicant.token(), R + id + "/submit", null).then().statusCode(409).body("currentState", equalTo("REJECTED"));
        // a rejected request is closed: a new one of the same type may be made
        Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
    }

    @Test
    void applicantsCancelFromEveryOpenStateBeforeIssuing() {
        Flow.Person applicant = Flow.applicant();
        Flow.Person v = Flow.verifier(applicant.institution());
        // DRAFT
        String id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        cancel(applicant, id);
        // SUBMITTED
        id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.submit(applicant, id);
        cancel(applicant, id);
        // IN_REVIEW
        id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.submit(applicant, id);
        Flow.claim(v, id);
        cancel(applicant, id);
        // RETURNED
        id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.submit(applicant, id);
        Flow.claim(v, id);
        Flow.post(v.token(), R + id + "/return", Map.of("reason", "fix it")).then().statusCode(200);
        cancel(applicant, id);
        // APPROVED, waiting for a server-generated key to be collected
        id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.throughReview(applicant, id);
        assertThat(Flow.detail(id).getString("request.state")).isEqualTo("APPROVED");
        cancel(applicant, id);
        Flow.post(applicant.token(), R + id + "/cancel", null).then().statusCode(409).body("currentState", equalTo("CANCELLED"));
    }

    private static void cancel(Flow.Person applicant, String id) {
        Flow.post(applicant.token(), R + id + "/cancel", Map.of("reason", "changed my mind")).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("reason", equalTo("changed my mind"));
    }

    @Test
    void everythingElseIsAConflictNamingTheCurrentState() {
        Flow.Person applicant = Flow.applicant();
        Flow.Person v = Flow.verifier(applicant.institution());
        String id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        for (String action : new String[] {"claim", "approve", "release", "return", "reject"}) {
            Flow.post(v.token(), R + id + "/" + action, Map.of("reason", "x")).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/request.invalid-transition"))
                    .body("currentState", equalTo("DRAFT"));
        }
        Flow.post(v.token(), R + id + "/checks", Flow.allChecks(true, "CONFIRMED")).then().statusCode(409)
                .body("code", equalTo("request.not-in-review")).body("currentState", equalTo("DRAFT"));
        Flow.post(applicant.token(), R + id + "/collect", Map.of("passphrase", "Kapuas-Sertel-2026!")).then().statusCode(409)
                .body("currentState", equalTo("DRAFT"));
        Flow.submit(applicant, id);
        Flow.post(applicant.token(), R + id + "/submit", null).then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
        Flow.post(v.token(), R + id + "/approve", null).then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
        Flow.post(v.token(), R + id + "/release", null).then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
    }

    @Test
    void conflictsSpeakIndonesianByDefaultAndEnglishOnRequest() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.create(applicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.Person v = Flow.verifier(applicant.institution());
        io.restassured.RestAssured.given().auth().oauth2(v.token()).post(R + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json").header("Content-Language", "id")
                .body("title", equalTo("Perubahan status tidak diizinkan"))
                .body("detail", equalTo("Permohonan berstatus DRAFT; tindakan ini tidak diizinkan dari status tersebut."));
        io.restassured.RestAssured.given().auth().oauth2(v.token()).header("Accept-Language", "en").post(R + id + "/approve").then()
                .statusCode(409).header("Content-Language", "en")
                .body("title", equalTo("State change not allowed"))
                .body("detail", equalTo("The request is DRAFT; this action is not allowed from that state."));
    }
}

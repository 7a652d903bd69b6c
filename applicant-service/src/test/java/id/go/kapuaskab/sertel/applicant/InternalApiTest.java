package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InternalApiTest {

    static final String RENEWAL = TestTokens.service("renewal-service", "RENEWAL_SERVICE");
    static final String NOTIFICATION = TestTokens.service("notification-service", "NOTIFICATION_SERVICE");

    @Inject
    Fixtures fixtures;

    @Test
    void snapshotHasExactlyTheContractFields() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        Api.as(a.token()).body(Map.of("dataVersion", 1)).post("/api/v1/applicants/me/confirmation").then().statusCode(200);

        for (String token : new String[]{RENEWAL, NOTIFICATION}) {
            JsonPath body = given().auth().oauth2(token).get("/internal/applicants/" + a.id()).then().statusCode(200)
                    .body("id", equalTo(a.id().toString())).body("status", equalTo("ACTIVE")).body("email", equalTo(a.email()))
                    .body("institutionId", equalTo(inst.id().toString())).body("institutionCode", equalTo(inst.code()))
                    .body("unitName", equalTo("Bidang Persandian")).body("language", equalTo("id"))
                    .body("dataVersion", equalTo(1)).body("confirmedVersion", equalTo(1)).body("openDataChange", equalTo(false))
                    .body("subjectVersion", equalTo(1))
                    .extract().jsonPath();
            assertThat(body.getMap("").keySet()).containsExactlyInAnyOrder("id", "status", "fullName", "email", "nik", "institutionId",
                    "institutionName", "institutionCode", "unitName", "language", "dataVersion", "confirmedVersion", "confirmedAt",
                    "openDataChange", "subjectVersion");
            assertThat(body.getString("nik")).matches("[0-9]{16}");
        }
        given().auth().oauth2(RENEWAL).get("/internal/applicants/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "applicant.not-found"));
    }

    @Test
    void verifiersOfAnInstitutionForTheNotificationServiceOnly() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person v = fixtures.verifier(inst.id());
        fixtures.verifier(fixtures.institution().id());

        given().auth().oauth2(NOTIFICATION).get("/internal/institutions/" + inst.id() + "/verifiers").then().statusCode(200)
                .body("", hasSize(1)).body("id", contains(v.id().toString())).body("[0].email", equalTo(v.email()))
                .body("[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "email", "fullName", "language"));
        given().auth().oauth2(NOTIFICATION).get("/internal/institutions/" + UUID.randomUUID() + "/verifiers").then().statusCode(404);
        given().auth().oauth2(RENEWAL).get("/internal/institutions/" + inst.id() + "/verifiers").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aSubmissionReadsTheApplicantAndTheVerifiersOfTheirInstitutionInOneCall() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        Fixtures.Person v = fixtures.verifier(inst.id());
        fixtures.verifier(fixtures.institution().id());             // another institution's: not listed

        JsonPath body = given().auth().oauth2(RENEWAL).queryParam("include", "verifiers").get("/internal/applicants/" + a.id())
                .then().statusCode(200).body("id", equalTo(a.id().toString())).body("email", equalTo(a.email()))
                .body("verifiers", hasSize(1)).body("verifiers[0].id", equalTo(v.id().toString()))
                .body("verifiers[0].email", equalTo(v.email()))
                .body("verifiers[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "email", "fullName", "language"))
                .extract().jsonPath();
        assertThat(body.getMap("").keySet()).contains("subjectVersion", "verifiers");

        Fixtures.Person alone = fixtures.applicant(fixtures.institution());
        given().auth().oauth2(RENEWAL).queryParam("include", "verifiers").get("/internal/applicants/" + alone.id())
                .then().statusCode(200).body("verifiers", hasSize(0));
        given().auth().oauth2(RENEWAL).queryParam("include", "everything").get("/internal/applicants/" + a.id())
                .then().statusCode(422).contentType(PROBLEM);
    }

    @Test
    void peopleCannotUseTheInternalApi() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        given().auth().oauth2(a.token()).get("/internal/applicants/" + a.id()).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(fixtures.admin().token()).get("/internal/applicants/" + a.id()).then().statusCode(403);
    }
}

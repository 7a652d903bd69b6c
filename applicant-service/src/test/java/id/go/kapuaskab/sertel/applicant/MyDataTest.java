package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyDataTest {

    @Inject
    Fixtures fixtures;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void applicantSeesOwnDataWithVersionAndCertificateFields() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);

        as(me.token()).get("/api/v1/applicants/me").then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(me.id().toString()))
                .body("email", equalTo(me.email()))
                .body("institution.id", equalTo(inst.id().toString()))
                .body("workUnit.name", equalTo("Bidang Persandian"))
                .body("dataVersion", equalTo(1))
                .body("subjectVersion", equalTo(1))
                .body("confirmedVersion", nullValue())
                .body("certificateFields", contains("fullName", "email", "institutionId", "workUnitId"))
                .body("subjectFields", contains("fullName", "email", "nik", "institutionId", "workUnitId"));
    }

    @Test
    void confirmationRecordsTheVersionAndTime() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        MutableClock.INSTANCE.set(Instant.parse("2026-11-23T01:00:00Z"));

        as(me.token()).body(Map.of("dataVersion", 1)).post("/api/v1/applicants/me/confirmation").then().statusCode(200)
                .body("dataVersion", equalTo(1)).body("confirmedAt", equalTo("2026-11-23T01:00:00Z"));
        as(me.token()).get("/api/v1/applicants/me").then()
                .body("confirmedVersion", equalTo(1)).body("confirmedAt", equalTo("2026-11-23T01:00:00Z"));
    }

    @Test
    void confirmingAStaleVersionIs409() {
        Fixtures.Person me = fixtures.applicant(fixtures.institution());

        as(me.token()).body(Map.of("dataVersion", 7)).post("/api/v1/applicants/me/confirmation").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo(TYPE + "conflict.stale-version")).body("currentDataVersion", equalTo(1));
        as(me.token()).get("/api/v1/applicants/me").then().body("confirmedVersion", nullValue());
    }

    @Test
    void confirmationNeedsAVersion() {
        Fixtures.Person me = fixtures.applicant(fixtures.institution());

        as(me.token()).body("{}").post("/api/v1/applicants/me/confirmation").then().statusCode(422)
                .body("fieldErrors[0].field", equalTo("dataVersion"));
        as(me.token()).body("{\"dataVersion\":\"one\"}").post("/api/v1/applicants/me/confirmation").then().statusCode(400)
                .body("type", equalTo(TYPE + "malformed-request"));
    }

    @Test
    void aTokenOfSomeoneWithoutApplicantDataFindsNothing() {
        String token = TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
        as(token).get("/api/v1/applicants/me").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "applicant.not-found")).body("requestId", notNullValue());
    }

    @Test
    void officersHaveNoOwnApplicantData() {
        Fixtures.Person verifier = fixtures.verifier(fixtures.institution().id());
        as(verifier.token()).get("/api/v1/applicants/me").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "forbidden"));
    }
}

package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.go.kapuaskab.sertel.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input that used to reach PostgreSQL or Jackson's defaults and fail there (500), or be silently changed: refused at the
 * edge with a problem that names the field, and nothing written.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aNulInAJsonTextIsAValidationProblemNamingTheFieldAndNothingIsStored() {
        Fixtures.Person admin = fixtures.admin();
        int before = as(admin.token()).get("/api/v1/institutions?includeInactive=true").then().statusCode(200).extract().path("size()");

        as(admin.token()).body("{\"code\":\"NUL1\",\"name\":\"Dinas\\u0000Uji\",\"emailDomains\":[\"nul.go.id\"]}")
                .post("/api/v1/institutions")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "validation"))
                .body("fieldErrors.field", contains("name"))
                .body("fieldErrors.code", contains("control-character"));
        as(admin.token()).body("{\"code\":\"NUL2\",\"name\":\"Dinas Uji\",\"emailDomains\":[\"ok.go.id\",\"x\\u0001.go.id\"]}")
                .header("Accept-Language", "en")
                .post("/api/v1/institutions")
                .then().statusCode(422).contentType(PROBLEM)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid data"))
                .body("fieldErrors.field", contains("emailDomains[1]"));

        assertThat((int) as(admin.token()).get("/api/v1/institutions?includeInactive=true").then().extract().path("size()")).isEqualTo(before);
    }

    @Test
    void controlCharactersInQueryAndPathParametersAreRefusedByName() {
        Fixtures.Person admin = fixtures.admin();

        given().urlEncodingEnabled(false).auth().oauth2(admin.token()).get("/api/v1/applicants?q=a%00b")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "invalid-parameter"))
                .body("fieldErrors.field", contains("q"))
                .body("fieldErrors.code", contains("control-character"));
        given().urlEncodingEnabled(false).auth().oauth2(admin.token()).get("/api/v1/applicants?q=%ff%fe")
                .then().statusCode(400).contentType(PROBLEM).body("fieldErrors.code", contains("invalid-encoding"));
        given().urlEncodingEnabled(false).auth().oauth2(admin.token()).get("/api/v1/institutions/%00")
                .then().statusCode(400).contentType(PROBLEM).body("fieldErrors.field", contains("path"));
    }

    @Test
    void aNulInAFormFieldIsRefusedBeforeTheLogin() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "admin\u0000@kapuaskab.go.id").formParam("password", "whatever it is")
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "invalid-parameter"))
                .body("fieldErrors.field", contains("username"));
    }

    @Test
    void aMemberGivenTwiceIsA400NamingIt() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(inst.id());

        as(verifier.token()).body("{\"reason\":\"a\",\"reason\":\"b\"}")
                .post("/api/v1/data-changes/00000000-0000-0000-0000-000000000000/reject")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "malformed-request"))
                .body("fieldErrors.field", contains("reason"))
                .body("fieldErrors.code", contains("duplicate-field"));
    }

    @Test
    void aFractionOrAStringWhereAnIntegerBelongsIsRefusedNotTruncated() {
        Fixtures.Person me = fixtures.applicant(fixtures.institution());

        for (String body : new String[]{"{\"dataVersion\":1.5}", "{\"dataVersion\":\"1\"}", "{\"dataVersion\":true}"}) {
            as(me.token()).body(body).post("/api/v1/applicants/me/confirmation")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(TYPE + "malformed-request"))
                    .body("fieldErrors.field", contains("dataVersion"))
                    .body("fieldErrors.code", contains("invalid-value"));
        }
        as(me.token()).get("/api/v1/applicants/me").then().body("confirmedVersion", nullValue());
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() {
        RawHttp.Response r = RawHttp.chunked(RestAssured.port,
                "POST /api/v1/applicants/registrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Accept-Language: en\r\n", "{\"fullName\":\"", 3L * 1024 * 1024, 'a');

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.body()).contains(TYPE + "payload-too-large").contains("\"title\":\"Request body too large\"");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() {
        RawHttp.Response r = RawHttp.chunked(RestAssured.port,
                "POST /api/v1/applicants/registrations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n",
                "{\"fullName\":\"", 100, ' ');

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.body()).contains(TYPE + "malformed-request");
    }

    @Test
    void overLongPathsAndHeadersAreProblemsToo() {
        RawHttp.Response path = RawHttp.send(RestAssured.port,
                "GET /api/v1/institutions/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawHttp.Response token = RawHttp.send(RestAssured.port,
                "GET /api/v1/applicants/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + "a".repeat(30_000) + "\r\n\r\n");

        assertThat(path.status()).isEqualTo(414);
        assertThat(path.contentType()).startsWith(PROBLEM);
        assertThat(path.body()).contains(TYPE + "uri-too-long");
        assertThat(token.status()).isEqualTo(431);
        assertThat(token.contentType()).startsWith(PROBLEM);
        assertThat(token.body()).contains(TYPE + "header-fields-too-large");
    }

    @Test
    void personalDataIsNeverStoredByCaches() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());

        as(me.token()).get("/api/v1/applicants/me").then().statusCode(200).header("Cache-Control", "no-store");
        as(verifier.token()).get("/api/v1/applicants/" + me.id()).then().statusCode(200).header("Cache-Control", "no-store");
        as(verifier.token()).get("/api/v1/applicants").then().statusCode(200).header("Cache-Control", "no-store");
        as(verifier.token()).get("/api/v1/officers/" + verifier.id()).then().header("Cache-Control", "no-store");
        given().get("/api/v1/institutions").then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void aDecidedDataChangeNamesItsStateOnceAndTheStatusIsTheHttpOne() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        String id = as(me.token()).body(DataChangeTest.change(1, Map.of("position", "Analis"), java.util.List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");
        as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(200);

        String body = as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPE + "data-change.not-open"))
                .body("currentStatus", equalTo("APPROVED"))
                .extract().asString();
        assertThat(body.split("\"status\"", -1)).as(body).hasSize(2);
        assertThat(body).contains("\"status\":409");
    }
}

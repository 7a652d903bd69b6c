package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.AuditTampering;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The AUDITOR role (an officer account admins create, no institutions, second factor required) and this service's
 * decisions in the tamper-evident trail: officer accounts and their roles, data changes with personal numbers masked,
 * institutions; an edited, a deleted record and a truncated table are each named by the verification.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit/applicant";

    @Inject
    Fixtures fixtures;

    private final AuditTampering tampering = new AuditTampering("sertel_applicant", AUDIT);

    @Test
    @SuppressWarnings("unchecked")
    void adminsCreateAuditorsWhoseTokensCarryTheRoleAndNoInstitution() {
        Fixtures.Person admin = fixtures.admin();
        String email = "auditor-" + UUID.randomUUID().toString().substring(0, 8) + "@kapuaskab.go.id";
        as(admin.token()).body(Map.of("email", email, "fullName", "Rudi Hartono", "role", "AUDITOR",
                "institutionIds", List.of(fixtures.institution().id().toString()))).post("/api/v1/officers").then().statusCode(422)
                .contentType(PROBLEM).body("fieldErrors[0].code", equalTo("officer.admin-institutions"));
        String id = as(admin.token()).body(Map.of("email", email, "fullName", "Rudi Hartono", "role", "AUDITOR"))
                .post("/api/v1/officers").then().statusCode(201).body("role", equalTo("AUDITOR")).extract().path("id");
        anonymous().body(Map.of("token", Mails.tokenFor(email), "password", "auditor-rahasia-1"))
                .post("/api/v1/applicants/email-confirmation").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Response login = TokenEndpointTest.login(email, "auditor-rahasia-1");
        login.then().statusCode(200);
        Map<String, Object> claims = TokenEndpointTest.jwtPart(login.path("access_token"), 1);
        assertThat((List<Object>) claims.get("groups")).containsExactly("AUDITOR");
        assertThat((List<Object>) claims.get("inst")).isNullOrEmpty();

        JsonPath created = tampering.records(id);
        assertThat(created.getString("items[0].action")).isEqualTo("ACCOUNT");
        assertThat(created.getString("items[0].outcome")).isEqualTo("CREATED");
        assertThat(created.getString("items[0].actor")).isEqualTo(admin.id().toString());
        assertThat(created.getString("items[0].detail")).contains("\"role\":\"AUDITOR\"");
    }

    @Test
    void dataChangesAreInTheTrailWithPersonalNumbersMasked() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        String changeId = as(me.token()).body(DataChangeTest.change(1, Map.of("phone", "+62 813 1111 2222"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");
        as(verifier.token()).post("/api/v1/data-changes/" + changeId + "/approve").then().statusCode(200);

        JsonPath trail = tampering.records(changeId);
        assertThat(trail.getList("items.action")).containsExactly("DATA_CHANGE", "DATA_CHANGE", "APPLICANT");
        assertThat(trail.getList("items.outcome")).containsExactly("SUBMITTED", "APPROVED", "DATA_CHANGED");
        assertThat(trail.getList("items.actor")).containsExactly(me.id().toString(), verifier.id().toString(), verifier.id().toString());
        String applied = trail.getString("items[2].detail");
        assertThat(applied).contains("\"phone\"").contains("2222").doesNotContain("1111");
        String export = io.restassured.RestAssured.given().auth().oauth2(tampering.auditorToken()).queryParam("subject", me.id().toString())
                .get(AUDIT + "/export").then().statusCode(200).extract().asString();
        assertThat(export).contains(changeId).doesNotContain("6281311112222").doesNotContain("81311112222");
    }

    @Test
    void onlyAuditorsReadIt() {
        Fixtures.Inst inst = fixtures.institution();
        for (String token : List.of(fixtures.admin().token(), fixtures.verifier(inst.id()).token(), fixtures.applicant(inst).token())) {
            as(token).get(AUDIT + "/records").then().statusCode(403).contentType(PROBLEM);
            as(token).post(AUDIT + "/verification").then().statusCode(403);
        }
        anonymous().get(AUDIT + "/records").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anEditedADeletedRecordAndATruncatedTableAreEachNamed() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        String changeId = as(me.token()).body(DataChangeTest.change(1, Map.of("position", "Analis Kebijakan"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");
        as(fixtures.verifier(inst.id()).token()).post("/api/v1/data-changes/" + changeId + "/approve").then().statusCode(200);
        JsonPath trail = tampering.records(changeId);
        tampering.editDeleteTruncateAndExpectEachNamed(trail.getMap("items[1]"), trail.getMap("items[0]"));
    }
}

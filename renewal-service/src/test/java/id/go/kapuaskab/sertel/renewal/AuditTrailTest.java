package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.AuditTampering;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every transition of a request and the step-7 evidence land in the tamper-evident trail, with who did it; an edited,
 * a deleted record and a truncated table are each named by the verification.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit/renewal";

    private final AuditTampering tampering = new AuditTampering("sertel_renewal", AUDIT);

    @Test
    void everyTransitionAndTheEvidenceAreInTheTrail() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.Person checker = Flow.verifier(applicant.institution());
        Flow.claim(checker, id);
        Map<String, Object> checks = Flow.allChecks(true, "CONFIRMED");
        Flow.post(checker.token(), Flow.REQUESTS + "/" + id + "/checks", Map.of("items", checks.get("items"),
                "contact", Map.of("contactPerson", "Kasubbag Umum 0813-5555-1234", "channel", "PHONE",
                        "contactedAt", java.time.Instant.now().minusSeconds(30).toString(), "outcome", "CONFIRMED"))).then().statusCode(200);
        Flow.Person approver = Flow.verifier(applicant.institution());
        Flow.approve(approver, id).then().statusCode(200);
        Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(60));

        JsonPath trail = tampering.records(id);
        assertThat(trail.getList("items.action")).containsExactly("TRANSITION", "TRANSITION", "TRANSITION", "EVIDENCE", "TRANSITION",
                "TRANSITION", "TRANSITION");
        assertThat(trail.getList("items.outcome")).containsExactly("DRAFT", "SUBMITTED", "IN_REVIEW", "RECORDED", "APPROVED", "ISSUING",
                "COMPLETED");
        assertThat(trail.getList("items.actor")).containsExactly(applicant.id().toString(), applicant.id().toString(),
                checker.id().toString(), checker.id().toString(), approver.id().toString(), approver.id().toString(), "renewal-service");
        String evidence = trail.getString("items[3].detail");
        assertThat(evidence).contains("\"item\":\"NIK\",\"matches\":true").contains("\"channel\":\"PHONE\"")
                .doesNotContain("5555").contains("1234");
        assertThat(trail.getString("items[6].detail")).contains("issuedSerial");
    }

    @Test
    void onlyAuditorsReadIt() {
        given().get(AUDIT + "/records").then().statusCode(401).contentType("application/problem+json");
        for (Flow.Person p : List.of(Flow.admin(), Flow.applicant(), Flow.verifier(java.util.UUID.randomUUID()))) {
            given().auth().oauth2(p.token()).get(AUDIT + "/records").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(p.token()).get(AUDIT + "/export").then().statusCode(403);
        }
        given().auth().oauth2(tampering.auditorToken()).get(AUDIT + "/export").then().statusCode(200).contentType("application/x-ndjson");
    }

    @Test
    void anEditedADeletedRecordAndATruncatedTableAreEachNamed() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.claim(Flow.verifier(applicant.institution()), id);
        JsonPath trail = tampering.records(id);
        tampering.editDeleteTruncateAndExpectEachNamed(trail.getMap("items[2]"), trail.getMap("items[1]"));
    }
}

package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /internal/requests/open}: applicant-service's batched question "which requests are still under way?". */
@QuarkusTest
class OpenRequestsTest {

    private static final String OPEN = "/internal/requests/open";

    @Test
    void listsTheUnfinishedRequestsOfEachApplicantInTheOrderAsked() {
        Flow.Person holder = Flow.applicant();
        String serial = Flow.firstCertificate(holder);                       // a COMPLETED issuance: not open
        String revocation = Flow.create(holder, Map.of("type", "REVOCATION", "certificateSerial", serial, "reason", "affiliationChanged"));
        Flow.submit(holder, revocation);

        Flow.Person newcomer = Flow.applicant();
        String issuance = Flow.createCsrRequest(newcomer, "ISSUANCE", newcomer.newCsr());

        Flow.Person changedMind = Flow.applicant();
        String cancelled = Flow.createCsrRequest(changedMind, "ISSUANCE", changedMind.newCsr());
        Flow.post(changedMind.token(), Flow.REQUESTS + "/" + cancelled + "/cancel", null).then().statusCode(200);

        UUID nobody = UUID.randomUUID();
        JsonPath answer = open(List.of(nobody, newcomer.id(), changedMind.id(), holder.id(), newcomer.id()))
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();

        assertThat(answer.getList("items.applicantId")).containsExactly(newcomer.id().toString(), holder.id().toString());
        assertThat(answer.getList("items.requestId")).containsExactly(issuance, revocation);
        assertThat(answer.getList("items.type")).containsExactly("ISSUANCE", "REVOCATION");
        assertThat(answer.getList("items.state")).containsExactly("DRAFT", "SUBMITTED");
        assertThat(answer.getString("items[1].certificateSerial")).isEqualTo(serial);
        assertThat(answer.getString("items[0].createdAt")).endsWith("Z");
    }

    @Test
    void batchesAreOneToAHundredApplicants() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(UUID.randomUUID());
        }
        open(ids).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/validation"));
        open(List.of()).then().statusCode(422);
        open(ids.subList(0, 100)).then().statusCode(200).body("items", hasSize(0));
    }

    private static Response open(List<UUID> applicants) {
        return given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).contentType("application/json")
                .body(Map.of("applicantIds", applicants.stream().map(UUID::toString).toList())).post(OPEN);
    }
}

package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.OpenApiCompleteness;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint of this service, with a summary, and examples for the bodies. */
@QuarkusTest
class OpenApiTest {

    private static final List<String> PATHS = List.of(
            "/api/v1/applicants/registrations", "/api/v1/applicants/email-confirmation", "/api/v1/applicants/email-confirmation/resend",
            "/api/v1/applicants/me", "/api/v1/applicants/me/confirmation", "/api/v1/applicants/me/data-changes",
            "/api/v1/applicants", "/api/v1/applicants/{id}", "/api/v1/applicants/{id}/history", "/api/v1/applicants/{id}/activation",
            "/api/v1/data-changes", "/api/v1/data-changes/{id}", "/api/v1/data-changes/{id}/documents/{documentId}",
            "/api/v1/data-changes/{id}/approve", "/api/v1/data-changes/{id}/reject", "/api/v1/data-changes/{id}/cancel",
            "/api/v1/institutions", "/api/v1/institutions/{id}", "/api/v1/institutions/{id}/work-units",
            "/api/v1/institutions/{id}/work-units/{unitId}", "/api/v1/officers", "/api/v1/officers/{id}",
            "/api/v1/officers/{id}/institutions", "/internal/applicants/{id}", "/internal/institutions/{id}/verifiers",
            "/api/v1/integrations/status-lookups", "/api/v1/integrations/staff-sync");

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDescribedWithExamples() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys(PATHS.toArray(String[]::new));
        for (String path : PATHS) {
            paths.get(path).forEach((method, op) -> {
                if (!(op instanceof Map)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) op;
                assertThat(operation).as("%s %s", method, path).containsKey("summary");
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    assertThat(body.toString()).as("example of %s %s", method, path).containsAnyOf("example=", "examples=");
                }
            });
        }
        assertThat(doc.prettify()).as("schema examples").contains("6203015208900001", "Bidang Persandian", "Sandiman Ahli Pertama");
    }

    @Test
    void everyOperationIsCompleteForClientTeams() {
        OpenApiCompleteness.assertServiceDocument(given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath());
    }
}

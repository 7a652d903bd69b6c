package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.OpenApiCompleteness;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is the contract clients are written against: every operation is described, with examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryADescriptionAndAnExample() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/signatures", "/api/v1/signatures/verification", "/api/v1/signing-keys",
                "/api/v1/signing-keys/{id}/passphrase", "/api/v1/signing-keys/{id}/unlock", "/internal/signing-keys",
                "/internal/signing-keys/{keyId}/certificate");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            assertThat(operation.get("summary")).as(name + " summary").isNotNull();
            assertThat(operation.get("description")).as(name + " description").isNotNull();
            assertThat(String.valueOf(operation)).as(name + " examples").contains("examples");
        }));
    }

    @Test
    void everyOperationIsCompleteForClientTeams() {
        OpenApiCompleteness.assertServiceDocument(given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath());
    }
}

package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The document says what the endpoints really take: bodies read as JSON are documented as JSON. */
@QuarkusTest
class OpenApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "release"})
    void theOptionalReasonIsDocumentedAsJson(String command) {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        Map<String, Object> content = doc.getMap("paths.'/api/v1/requests/{id}/" + command + "'.post.requestBody.content");
        assertThat(content).containsOnlyKeys("application/json");
        assertThat(doc.getString("paths.'/api/v1/requests/{id}/" + command + "'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .endsWith("/Reason");
    }

    @Test
    void everyDocumentedRequestBodyOfThePublicApiIsJson() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object body = operation instanceof Map<?, ?> op ? op.get("requestBody") : null;
            if (path.startsWith("/api/") && body instanceof Map<?, ?> requestBody) {
                assertThat(((Map<?, ?>) requestBody.get("content")).keySet().stream().map(String::valueOf).toList())
                        .as(method + " " + path).containsOnly("application/json");
            }
        }));
    }
}

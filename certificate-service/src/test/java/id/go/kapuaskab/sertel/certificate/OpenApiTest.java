package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.testsupport.OpenApiCompleteness;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is the contract client teams write against; {@link OpenApiCompleteness} says what it must hold. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsCompleteForClientTeams() {
        OpenApiCompleteness.assertServiceDocument(given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath());
    }
}

package id.go.kapuaskab.sertel.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.OpenApiCompleteness;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void oneDocumentHoldsEveryServicesPublicPathsAndNoInternalOnes() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/requests"))
                .body("paths", hasKey("/api/v1/applicants"))
                .body("paths", hasKey("/api/v1/notifications"))
                .body("paths", hasKey("/api/v1/signatures"))
                .body("paths", not(hasKey("/internal/secret")))
                .body("x-unavailable", hasItem("certificate"))
                .body("x-unavailable", not(hasItem("console")))
                .body("paths", not(hasKey("/console")));
    }

    @Test
    void collidingSchemaNamesArePrefixedSoEveryReferenceStillPointsAtItsOwnService() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        for (String[] pair : new String[][]{{"/api/v1/requests", "renewal"}, {"/api/v1/applicants", "applicant"},
                {"/api/v1/notifications", "notification"}, {"/api/v1/signatures", "signing"}}) {
            String ref = doc.getString("paths.'" + pair[0] + "'.get.responses.'200'.content.'application/json'.schema.'$ref'");
            String schema = ref.substring(ref.lastIndexOf('/') + 1);
            assertThat(doc.getString("components.schemas." + schema + ".description")).isEqualTo(pair[1] + " page");
        }
        assertThat(doc.getMap("components.schemas").keySet())
                .as("colliding Page schemas prefixed; the services' identical Problem schemas stay one")
                .containsExactlyInAnyOrder("Page", "Item", "Problem", "renewal_Page", "applicant_Page", "signing_Page");
    }

    @Test
    void schemasOnlyInternalPathsUseAreLeftOut() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getMap("components.schemas").keySet()).doesNotContain("SecretBody", "Nik").contains("Item");
    }

    @Test
    void theAggregatedDocumentIsCompleteForClientTeamsWithoutInternalTags() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getList("tags.name", String.class)).contains("renewal", "applicant").doesNotContain("internal");
        OpenApiCompleteness.assertPublicDocument(doc);
    }

    @Test
    void theGatewaysOwnDocumentIsNotPublished() {
        for (String path : new String[]{"/q/openapi", "/q/openapi?format=json", "/Q/openapi", "/q/swagger-ui"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/swagger-ui/").then().statusCode(200);
    }
}

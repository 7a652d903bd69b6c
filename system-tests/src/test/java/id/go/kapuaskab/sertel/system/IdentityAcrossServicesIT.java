package id.go.kapuaskab.sertel.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.journey.AdminLogin;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token issued by applicant-service (through the gateway) is accepted by every other service, each
 * verifying it against the published JWKS on its own, without the gateway's help.
 */
class IdentityAcrossServicesIT {

    static String adminToken;

    @BeforeAll
    static void login() {
        SystemStack.get();
        // the admin logs in with the second factor the system tests share (enrolled by the first that needs it)
        adminToken = AdminLogin.accessToken(java.net.URI.create(SystemStack.gateway()), "admin@kapuaskab.go.id", "sertel-demo",
                java.nio.file.Path.of("target", "sop-journey"));
    }

    @Test
    void aLoginThroughTheGatewayGivesATokenEveryServiceAcceptsThroughTheGateway() {
        for (String path : new String[]{"/api/v1/requests", "/api/v1/notifications"}) {
            given().baseUri(SystemStack.gateway()).auth().oauth2(adminToken).get(path).then().statusCode(200);
        }
    }

    @Test
    void eachServiceVerifiesTheTokenItselfWhenCalledDirectly() {
        int[] ports = {SystemStack.ports().renewal(), SystemStack.ports().notification()};
        String[] paths = {"/api/v1/requests", "/api/v1/notifications"};
        for (int i = 0; i < ports.length; i++) {
            String direct = "http://127.0.0.1:" + ports[i];
            given().baseUri(direct).auth().oauth2(adminToken).get(paths[i]).then().statusCode(200);
            String tampered = adminToken.substring(0, adminToken.length() - 4) + (adminToken.endsWith("AAAA") ? "BBBB" : "AAAA");
            given().baseUri(direct).auth().oauth2(tampered).get(paths[i]).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aServiceIdentityGetsItsOwnRoleOnlyAndCannotActAsAPerson() {
        String secret = SystemStack.secrets().get("client.renewal-service");
        String serviceToken = given().baseUri(SystemStack.gateway()).auth().preemptive().basic("renewal-service", secret)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
        assertThat(serviceToken).isNotBlank();

        given().baseUri(SystemStack.gateway()).auth().oauth2(serviceToken).get("/api/v1/requests")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theDiscoveryDocumentNamesThePublicIssuer() {
        given().baseUri(SystemStack.gateway()).get("/api/v1/auth/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("issuer", equalTo("http://localhost:" + SystemStack.ports().gateway() + "/api/v1/auth"));
    }

    @Test
    void internalPathsAreNotReachableThroughTheGateway() {
        given().baseUri(SystemStack.gateway()).urlEncodingEnabled(false).auth().oauth2(adminToken)
                .get("/api/v1/requests/../../internal/applicants/x").then().statusCode(404);
    }
}

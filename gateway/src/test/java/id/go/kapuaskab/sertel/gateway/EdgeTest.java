package id.go.kapuaskab.sertel.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.RawHttp;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the gateway answers itself, before or instead of a backend: always a problem, never a bare status. */
@QuarkusTest
class EdgeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE = "https://sertel.kapuaskab.go.id/problems/";

    private static String token() {
        return TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
    }

    @Test
    void aChunkedBodyOverTheGatewaysLimitIsA413ProblemNotAStreamToTheBackend() {
        RawHttp.Response r = RawHttp.chunked(RestAssured.port,
                "POST /api/v1/applicants/me/data-changes/created HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                        + "\r\nContent-Type: application/json\r\nAccept-Language: en\r\n",
                "{\"reason\":\"", 13L * 1024 * 1024, 'a');

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith(PROBLEM);
        assertThat(r.body()).contains(TYPE + "payload-too-large").contains("Request body too large");
    }

    @Test
    void aChunkedBodyUnderTheLimitStillStreamsToTheBackend() {
        RawHttp.Response r = RawHttp.chunked(RestAssured.port,
                "POST /api/v1/applicants/me/data-changes/created HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                        + "\r\nContent-Type: application/json\r\n", "{\"reason\":\"", 2L * 1024 * 1024, 'a');

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).contains("\"service\":\"applicant\"");
    }

    @Test
    void aBodyDeclaredOverTheLimitIsA413Problem() {
        RawHttp.Response r = RawHttp.send(RestAssured.port, "POST /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token() + "\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith(PROBLEM);
    }

    @Test
    void overLongPathsHeadersAndTokensAreProblems() {
        RawHttp.Response path = RawHttp.send(RestAssured.port,
                "GET /api/v1/requests/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawHttp.Response header = RawHttp.send(RestAssured.port,
                "GET /api/v1/institutions HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "b".repeat(40_000) + "\r\n\r\n");
        RawHttp.Response bearer = RawHttp.send(RestAssured.port,
                "GET /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nAuthorization: Bearer " + "c".repeat(30_000) + "\r\n\r\n");

        assertThat(path.status()).isEqualTo(414);
        assertThat(path.body()).contains(TYPE + "uri-too-long");
        assertThat(header.status()).isEqualTo(431);
        assertThat(header.body()).contains(TYPE + "header-fields-too-large");
        assertThat(bearer.status()).isEqualTo(431);
        assertThat(bearer.body()).contains("Request headers too large");
        for (RawHttp.Response r : new RawHttp.Response[]{path, header, bearer}) {
            assertThat(r.contentType()).startsWith(PROBLEM);
        }
    }

    @Test
    void controlCharactersInParametersAreRefusedBeforeAnyBackendSeesThem() {
        Backends.SEEN.clear();

        given().urlEncodingEnabled(false).auth().oauth2(token()).get("/api/v1/applicants?q=a%00b")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "invalid-parameter"))
                .body("fieldErrors.field", contains("q"));
        assertThat(Backends.SEEN).isEmpty();
    }

    @Test
    void aCallFromAnOriginTheGatewayDoesNotServeIsA403Problem() {
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/requests")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "origin-not-allowed"));
        given().header("Origin", "http://evil.example").header("Accept-Language", "en").get("/api/v1/institutions")
                .then().statusCode(403).contentType(PROBLEM)
                .body("title", equalTo("Origin not allowed"));
        given().header("Origin", "http://localhost:3000").get("/api/v1/institutions")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void theRequestIdIsAnsweredOnce() {
        Response r = given().auth().oauth2(token()).header("X-Request-Id", "once-42").get("/api/v1/requests");

        r.then().statusCode(200);
        assertThat(r.headers().getList("X-Request-Id")).extracting(h -> h.getValue()).containsExactly("once-42");
    }
}

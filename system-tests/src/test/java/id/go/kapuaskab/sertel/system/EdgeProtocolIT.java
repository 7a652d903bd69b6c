package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.testsupport.RawHttp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every port of the packaged stack a client can reach (the gateway's, and each service's for a caller inside the
 * cluster) answers what HTTP clients would never send with a problem, over raw sockets: bodies in chunks past the limit,
 * over-long paths and tokens, control characters in parameters.
 */
class EdgeProtocolIT {

    private static final String TYPE = "https://sertel.kapuaskab.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Port name to a public path of it that takes a JSON body. */
    private static final Map<String, String> WRITES = new LinkedHashMap<>();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    @BeforeAll
    static void stack() {
        SystemStack.get();
        var ports = SystemStack.ports();
        PORTS.put("gateway", ports.gateway());
        PORTS.put("applicant-service", ports.applicant());
        PORTS.put("renewal-service", ports.renewal());
        PORTS.put("certificate-service", ports.certificate());
        PORTS.put("notification-service", ports.notification());
        WRITES.put("gateway", "/api/v1/applicants/registrations");
        WRITES.put("applicant-service", "/api/v1/applicants/registrations");
        WRITES.put("renewal-service", "/api/v1/requests");
        WRITES.put("certificate-service", "/internal/csr-checks");
        WRITES.put("notification-service", "/internal/events");
    }

    private static void eachPort(BiConsumer<String, Integer> check) {
        PORTS.forEach(check);
    }

    @Test
    void aChunkedBodyPastTheLimitIsA413ProblemOnEveryPort() {
        eachPort((name, port) -> {
            RawHttp.Response r = RawHttp.chunked(port, "POST " + WRITES.get(name) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nAccept-Language: en\r\n", "{\"fullName\":\"", 2L * 1024 * 1024, 'a');
            problem(name, r, 413, "payload-too-large");
            assertThat(r.header("content-language")).as(name).isEqualTo("en");
        });
    }

    @Test
    void overLongPathsAndTokensAreProblemsOnEveryPort() {
        eachPort((name, port) -> {
            problem(name, RawHttp.send(port, "GET /api/v1/" + "x".repeat(12_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                    414, "uri-too-long");
            problem(name, RawHttp.send(port, "GET /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + "e".repeat(40_000) + "\r\n\r\n"), 431, "header-fields-too-large");
        });
    }

    @Test
    void controlCharactersInParametersAreProblemsOnEveryPort() {
        eachPort((name, port) -> {
            RawHttp.Response r = RawHttp.send(port, "GET /api/v1/applicants?q=a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n");
            JsonNode body = problem(name, r, 400, "invalid-parameter");
            assertThat(body.path("fieldErrors").path(0).path("field").asText()).as(name).isEqualTo("q");
        });
    }

    @Test
    void theGatewaysOwnOpenApiDocumentIsNotOnThePublicPort() {
        problem("gateway", RawHttp.send(SystemStack.ports().gateway(), "GET /q/openapi HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                404, "not-found");
    }

    private static JsonNode problem(String port, RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(port + ": " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(port).startsWith("application/problem+json");
        try {
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("type").asText()).as(port).isEqualTo(TYPE + code);
            assertThat(body.path("status").asInt()).as(port).isEqualTo(status);
            return body;
        } catch (IOException e) {
            throw new AssertionError(port + ": not JSON: " + r.body(), e);
        }
    }
}

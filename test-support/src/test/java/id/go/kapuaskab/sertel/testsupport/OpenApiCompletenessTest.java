package id.go.kapuaskab.sertel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

class OpenApiCompletenessTest {

    private static final String PROBLEM = """
            {"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}""";

    @Test
    void namesEachOperationAndWhatItLacks() {
        JsonPath doc = JsonPath.from("""
                {"paths":{
                  "/pki/crl/{caName}.crl":{"get":{"summary":"CRL","parameters":[{"name":"caName","in":"path"}],
                     "responses":{"200":{"content":{"application/pkix-crl":{}}},"404":{"description":"ca.unknown"}}}},
                  "/api/v1/things":{"post":{"summary":"make","tags":["internal: things"],
                     "security":[{"jwt":["ADMIN"]}],"requestBody":{"content":{"application/json":{}}},
                     "responses":{"201":{"description":"made"},"500":%s}}},
                  "/api/v1/fine":{"get":{"summary":"fine","responses":{"200":{"content":{"application/json":{"example":{}}}},"500":%s}}},
                  "/internal/x":{"get":{"responses":{"200":{}}}}},
                 "tags":[{"name":"internal"}]}""".formatted(PROBLEM, PROBLEM));

        assertThat(OpenApiCompleteness.gaps(doc, true)).containsExactlyInAnyOrder(
                "the document lists the internal tag 'internal'",
                "GET /pki/crl/{caName}.crl: response 404 without the Problem schema as application/problem+json",
                "GET /pki/crl/{caName}.crl: no description (a /pki or admin operation)",
                "GET /pki/crl/{caName}.crl: no example (request body, success response or parameter)",
                "POST /api/v1/things: no description (a /pki or admin operation)",
                "POST /api/v1/things: carries the internal tag 'internal: things'",
                "POST /api/v1/things: no example (request body, success response or parameter)",
                "/internal/x: an internal path in a public document",
                "GET /internal/x: no error response");
        assertThat(OpenApiCompleteness.gaps(doc, false)).hasSize(7);
    }
}

package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.applicant.peers.RealPeers;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Regional systems as they really come in: registered by an admin through the registry, logged in with their client
 * secret at the token endpoint; and what the real peers know of people (a certificate from the real CA, a renewal
 * opened in the real workflow).
 */
final class RegionalSystems {

    static final String LOOKUPS = "/api/v1/integrations/status-lookups";
    static final String SYNC = "/api/v1/integrations/staff-sync";

    /** A registered client and a fresh access token of it. */
    record Client(String id, String token) {
    }

    private RegionalSystems() {
    }

    static Client register(String admin, String name, List<String> scopes, UUID... institutions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("ownerContact", "sistem@kapuaskab.go.id");
        body.put("institutionIds", List.of(institutions));
        body.put("scopes", scopes);
        Response created = Api.as(admin).body(body).post("/api/v1/integrations/clients");
        created.then().statusCode(201);
        String id = created.path("client.id");
        String secret = created.path("clientSecret");
        String token = given().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        return new Client(id, token);
    }

    /** A certificate of the holder, signed by the real CA as renewal-service asks for it; its serial. */
    static String certificate(UUID holder, UUID institution, String email) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", "Budi Santoso");
        subject.put("email", email);
        subject.put("institutionId", institution.toString());
        subject.put("organization", "Dinas Uji");
        subject.put("organizationalUnit", "Bidang Persandian");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("holderId", holder.toString());
        body.put("profile", "document-signing");
        body.put("subject", subject);
        body.put("keyGeneration", Map.of("passphrase", "frasa sandi uji panjang", "keyType", "EC_P256"));
        return given().baseUri(RealPeers.caUrl()).auth().oauth2(TestTokens.service("renewal-service", "RENEWAL_SERVICE"))
                .contentType(ContentType.JSON).body(body).post("/internal/certificates").then().statusCode(201).extract().path("serial");
    }

    /** A renewal the applicant opens in the real workflow (which reads the applicant from this service); its id. */
    static String openRenewal(UUID applicant, UUID institution) {
        return given().baseUri(RealPeers.renewalUrl()).auth().oauth2(TestTokens.applicant(applicant, institution)).contentType(ContentType.JSON)
                .body(Map.of("type", "RENEWAL", "keyGeneration", Map.of())).post("/api/v1/requests")
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    static Response lookup(String token, List<Map<String, String>> people) {
        return Api.as(token).body(Map.of("people", people)).post(LOOKUPS);
    }
}

package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import id.go.kapuaskab.sertel.support.security.TokenRevocations;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The registry of regional systems and their client-credentials login: secrets, rotation, private_key_jwt, disabling. */
@QuarkusTest
class IntegrationClientTest {

    private static final String CLIENTS = "/api/v1/integrations/clients";
    @Inject
    Fixtures fixtures;
    @ConfigProperty(name = "sertel.auth.issuer")
    String issuer;

    private final String admin = TestTokens.admin(UUID.randomUUID());

    @Test
    void aRegisteredSystemGetsTokensWithOnlyItsScopesAndInstitutionsAndTheSecretIsShownOnce() {
        Fixtures.Inst inst = fixtures.institution();
        Response created = register(inst, List.of("status:read", "events:subscribe"), null);
        created.then().statusCode(201).header("Cache-Control", "no-store");
        String id = created.path("client.id");
        String secret = created.path("clientSecret");
        assertThat(id).startsWith("int-");
        assertThat(secret).startsWith("sertel_cs_");
        Api.as(admin).get(CLIENTS + "/" + id).then().statusCode(200).body("$", not(hasKey("clientSecret")))
                .body("scopes", equalTo(List.of("status:read", "events:subscribe")));
        assertThat(Api.as(admin).get(CLIENTS + "/" + id + "/secrets").asString()).doesNotContain(secret);

        JsonPath claims = claims(basic(id, secret, null).then().statusCode(200).body("scope", equalTo("status:read events:subscribe"))
                .extract().path("access_token"));
        assertThat(claims.getString("sub")).isEqualTo(id);
        assertThat(claims.getList("groups")).containsExactly("INTEGRATION");
        assertThat(claims.getString("scope")).isEqualTo("status:read events:subscribe");
        assertThat(claims.getList("inst")).containsExactly(inst.id().toString());
        assertThat(claims.getInt("ver")).isZero();

        assertThat(claims(form(id, secret, "status:read").then().statusCode(200).extract().path("access_token")).getString("scope"))
                .isEqualTo("status:read");
        form(id, secret, "status:read documents:sign").then().statusCode(400).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "auth.invalid-scope")).body("error", equalTo("invalid_scope"));
        basic(id, secret + "x", null).then().statusCode(401).body("error", equalTo("invalid_client"));
        basic("int-unknown", secret, null).then().statusCode(401).body("error", equalTo("invalid_client"));

        List<String> actions = Api.as(admin).get(CLIENTS + "/" + id + "/history").then().statusCode(200).extract().path("action");
        assertThat(actions).contains("REGISTERED", "SECRET_CREATED", "TOKEN_ISSUED", "TOKEN_REFUSED");
        assertThat(Api.as(admin).get(CLIENTS + "/" + id + "/history").asString()).doesNotContain(secret);
    }

    @Test
    void aRotatedSecretOverlapsTheOldOneAndARevokedSecretStopsAtOnce() {
        Fixtures.Inst inst = fixtures.institution();
        Response created = register(inst, List.of("status:read"), null);
        String id = created.path("client.id");
        String first = created.path("clientSecret");

        Response rotated = Api.as(admin).body(Map.of("overlapHours", 24)).post(CLIENTS + "/" + id + "/secrets");
        rotated.then().statusCode(201).header("Cache-Control", "no-store");
        String second = rotated.path("clientSecret");
        basic(id, first, null).then().statusCode(200);
        basic(id, second, null).then().statusCode(200);

        String third = Api.as(admin).body(Map.of("overlapHours", 0)).post(CLIENTS + "/" + id + "/secrets").then().statusCode(201)
                .extract().path("clientSecret");
        basic(id, first, null).then().statusCode(401);
        basic(id, second, null).then().statusCode(401);
        basic(id, third, null).then().statusCode(200);
        Api.as(admin).body(Map.of("overlapHours", 200)).post(CLIENTS + "/" + id + "/secrets").then().statusCode(422);

        String thirdId = Api.as(admin).get(CLIENTS + "/" + id + "/secrets").then().statusCode(200).extract().path("[0].id");
        Api.as(admin).delete(CLIENTS + "/" + id + "/secrets/" + thirdId).then().statusCode(204);
        basic(id, third, null).then().statusCode(401);
    }

    @Test
    void disablingANarrowingOrARevokedSecretRetiresTheLiveTokensThroughTheRevocationList() {
        Fixtures.Inst inst = fixtures.institution();
        Response created = register(inst, List.of("status:read", "applicants:sync"), null);
        String id = created.path("client.id");
        String secret = created.path("clientSecret");
        assertThat(revoked()).doesNotContain(TokenRevocations.fingerprint(id));

        Api.as(admin).body(Map.of("name", "SIMPEG", "ownerContact", "simpeg@kapuaskab.go.id", "institutionIds", List.of(inst.id()),
                        "scopes", List.of("status:read"), "version", 0))
                .put(CLIENTS + "/" + id).then().statusCode(200).body("scopes", equalTo(List.of("status:read")));
        assertThat(revoked()).contains(TokenRevocations.fingerprint(id));
        assertThat(claims(basic(id, secret, null).path("access_token")).getInt("ver")).isEqualTo(1);
        Api.as(admin).body(Map.of("name", "SIMPEG", "ownerContact", "simpeg@kapuaskab.go.id", "institutionIds", List.of(inst.id()),
                "scopes", List.of("status:read"), "version", 0)).put(CLIENTS + "/" + id).then().statusCode(409);

        Api.as(admin).body(Map.of("reason", "kontrak berakhir")).post(CLIENTS + "/" + id + "/disable").then().statusCode(200)
                .body("status", equalTo("DISABLED"));
        basic(id, secret, null).then().statusCode(401);
        Api.as(admin).body(Map.of("reason", "kontrak diperpanjang")).post(CLIENTS + "/" + id + "/enable").then().statusCode(200);
        assertThat(claims(basic(id, secret, null).then().statusCode(200).extract().path("access_token")).getInt("ver")).isEqualTo(2);
    }

    @Test
    void privateKeyJwtAcceptsOneFreshAssertionSignedWithTheRegisteredKeyAndNothingElse() throws Exception {
        Fixtures.Inst inst = fixtures.institution();
        KeyPair key = p256();
        Response created = register(inst, List.of("status:read"), pem(key));
        created.then().statusCode(201).body("$", not(hasKey("clientSecret")));
        String id = created.path("client.id");
        String kid = Api.as(admin).get(CLIENTS + "/" + id + "/keys").then().statusCode(200).extract().path("[0].kid");

        String good = assertion(id, issuer + "/token", Instant.now().plusSeconds(120), key, kid);
        JsonPath claims = claims(assertionGrant(good).then().statusCode(200).extract().path("access_token"));
        assertThat(claims.getString("sub")).isEqualTo(id);
        assertionGrant(good).then().statusCode(401).body("error", equalTo("invalid_client"));                 // replayed
        assertionGrant(assertion(id, "https://elsewhere.example/token", Instant.now().plusSeconds(120), key, kid)).then().statusCode(401);
        assertionGrant(assertion(id, issuer + "/token", Instant.now().minusSeconds(120), key, kid)).then().statusCode(401);
        assertionGrant(assertion(id, issuer + "/token", Instant.now().plusSeconds(3600), key, kid)).then().statusCode(401);
        assertionGrant(assertion(id, issuer + "/token", Instant.now().plusSeconds(120), p256(), kid)).then().statusCode(401);
        assertionGrant(unsigned(id)).then().statusCode(401);
        assertionGrant("not.a.jwt").then().statusCode(401);
        basic(id, "sertel_cs_anything", null).then().statusCode(401);

        KeyPair next = p256();
        Api.as(admin).body(Map.of("publicKeyPem", pem(next), "kid", "next")).post(CLIENTS + "/" + id + "/keys").then().statusCode(201)
                .body("algorithm", equalTo("ES256"));
        String oldKeyId = Api.as(admin).get(CLIENTS + "/" + id + "/keys").then().extract().path("find { it.kid == '" + kid + "' }.id");
        Api.as(admin).delete(CLIENTS + "/" + id + "/keys/" + oldKeyId).then().statusCode(204);
        assertionGrant(assertion(id, issuer + "/token", Instant.now().plusSeconds(120), key, kid)).then().statusCode(401);
        assertionGrant(assertion(id, issuer, Instant.now().plusSeconds(120), next, "next")).then().statusCode(200);
    }

    @Test
    void onlyAnAdminWithASecondFactorRegistersAndBadRegistrationsAreRefused() {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> body = registration(inst, List.of("status:read"), null);
        Api.as(TestTokens.user(UUID.randomUUID(), "ADMIN").amr("pwd").sign()).body(body).post(CLIENTS).then().statusCode(403)
                .body("type", equalTo(Api.TYPE + "auth.step-up-required"));
        Api.as(TestTokens.verifier(UUID.randomUUID(), inst.id())).body(body).post(CLIENTS).then().statusCode(403);
        Api.as(TestTokens.integration("int-x", "status:read", inst.id()).sign()).get(CLIENTS).then().statusCode(403);
        given().get(CLIENTS).then().statusCode(401);

        Api.as(admin).body(registration(inst, List.of("status:read", "admin:everything"), null)).post(CLIENTS).then().statusCode(422)
                .body("fieldErrors[0].code", equalTo("unknown-scope"));
        Map<String, Object> stranger = registration(inst, List.of("status:read"), null);
        stranger.put("institutionIds", List.of(UUID.randomUUID()));
        Api.as(admin).body(stranger).post(CLIENTS).then().statusCode(422).body("fieldErrors[0].code", equalTo("unknown-institution"));
        Map<String, Object> keyless = registration(inst, List.of("status:read"), null);
        keyless.put("authMethod", "private_key_jwt");
        Api.as(admin).body(keyless).post(CLIENTS).then().statusCode(422);
        Api.as(admin).body(registration(inst, List.of("status:read"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .post(CLIENTS).then().statusCode(422);
        Api.as(admin).get(CLIENTS + "/int-nothing").then().statusCode(404).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "integration-client.not-found"));
    }

    private Response register(Fixtures.Inst inst, List<String> scopes, String publicKeyPem) {
        return Api.as(admin).body(registration(inst, scopes, publicKeyPem)).post(CLIENTS);
    }

    private static Map<String, Object> registration(Fixtures.Inst inst, List<String> scopes, String publicKeyPem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "e-Office " + inst.code());
        body.put("ownerContact", "eoffice@" + inst.domain());
        body.put("institutionIds", List.of(inst.id()));
        body.put("scopes", scopes);
        if (publicKeyPem != null) {
            body.put("authMethod", "private_key_jwt");
            body.put("publicKeyPem", publicKeyPem);
        }
        return body;
    }

    private static Response basic(String id, String secret, String scope) {
        var spec = given().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC).formParam("grant_type", "client_credentials");
        return (scope == null ? spec : spec.formParam("scope", scope)).post("/api/v1/auth/token");
    }

    private static Response form(String id, String secret, String scope) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").formParam("client_id", id)
                .formParam("client_secret", secret).formParam("scope", scope).post("/api/v1/auth/token");
    }

    private static Response assertionGrant(String assertion) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", assertion).post("/api/v1/auth/token");
    }

    private static List<String> revoked() {
        List<Map<String, Object>> entries = given().get("/api/v1/auth/revocations").then().statusCode(200).extract().path("entries");
        return entries.stream().map(e -> (String) e.get("subject")).toList();
    }

    private static JsonPath claims(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String assertion(String clientId, String audience, Instant expires, KeyPair key, String kid) {
        return Jwt.issuer(clientId).subject(clientId).audience(audience).expiresAt(expires).issuedAt(Instant.now())
                .claim("jti", UUID.randomUUID().toString()).jws().keyId(kid).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .sign(key.getPrivate());
    }

    /** {@code alg: none}: the oldest trick against JWT libraries. */
    private String unsigned(String clientId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(("{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId + "\",\"aud\":\"" + issuer
                + "/token\",\"exp\":" + (Instant.now().getEpochSecond() + 120) + ",\"jti\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}

package id.go.kapuaskab.sertel.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The auditor's endpoints: who may read, the filters, the export, the verification, and openssl checking a checkpoint. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sertel_audit"))
@WithTestResource(TestIssuer.class)
class AuditApiTest {

    private static final String BASE = "/api/v1/audit/test";

    @Inject
    AuditTrail trail;

    @Inject
    Checkpoints checkpoints;

    Tamper tamper = new Tamper(PostgresTestResource.jdbcUrl("sertel_audit"));
    String auditor = TestTokens.auditor(UUID.randomUUID());

    @BeforeEach
    void emptyTrail() {
        tamper.empty();
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        given().get(BASE + "/records").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("AUDITOR")).get(BASE + "/records").then().statusCode(401);
        given().auth().oauth2(TestTokens.otherKey("AUDITOR")).get(BASE + "/records").then().statusCode(401);
        for (String token : List.of(TestTokens.admin(UUID.randomUUID()), TestTokens.verifier(UUID.randomUUID()),
                TestTokens.service("renewal-service", "RENEWAL_SERVICE"))) {
            given().auth().oauth2(token).get(BASE + "/records").then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("forbidden"));
            given().auth().oauth2(token).get(BASE + "/export").then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body("{}").post(BASE + "/verification").then().statusCode(403);
        }
        given().auth().oauth2(auditor).get(BASE + "/records").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void filtersByActorSubjectActionAndTimeAndPagesInIdOrder() {
        String alice = UUID.randomUUID().toString();
        append(AuditEntry.of("ISSUE", "ISSUED").actor(alice, "RENEWAL_SERVICE").subject("serial-1").reference("req-1"));
        append(AuditEntry.of("REVOKE", "DONE").actor(alice, "ADMIN").subject("serial-1"));
        append(AuditEntry.of("ISSUE", "ISSUED").actor("someone-else", "RENEWAL_SERVICE").subject("serial-2").reference("req-2"));

        given().auth().oauth2(auditor).queryParam("actor", alice).get(BASE + "/records").then().statusCode(200)
                .body("items.action", equalTo(List.of("ISSUE", "REVOKE")));
        given().auth().oauth2(auditor).queryParam("subject", "req-2").get(BASE + "/records").then()
                .body("items.subject", equalTo(List.of("serial-2")));
        given().auth().oauth2(auditor).queryParam("action", "ISSUE").queryParam("limit", 1).get(BASE + "/records").then()
                .body("items", hasSize(1)).body("items[0].subject", equalTo("serial-1"));
        String next = given().auth().oauth2(auditor).queryParam("limit", 2).get(BASE + "/records").then().extract().path("next");
        given().auth().oauth2(auditor).queryParam("after", next).get(BASE + "/records").then()
                .body("items.subject", equalTo(List.of("serial-2"))).body("next", equalTo(null));
        given().auth().oauth2(auditor).queryParam("from", "2999-01-01T00:00:00+07:00").get(BASE + "/records").then()
                .body("items", hasSize(0));

        given().auth().oauth2(auditor).queryParam("from", "yesterday").get(BASE + "/records").then().statusCode(422)
                .contentType("application/problem+json").body("fieldErrors[0].field", equalTo("from"));
        given().auth().oauth2(auditor).queryParam("limit", 5000).get(BASE + "/records").then().statusCode(422)
                .body("code", equalTo("audit.invalid-limit"));
        given().auth().oauth2(auditor).queryParam("after", "x").header("Accept-Language", "en").get(BASE + "/records").then()
                .statusCode(422).body("code", equalTo("audit.invalid-cursor")).body("title", equalTo("Invalid cursor"));
    }

    @Test
    void exportsJsonLinesWhoseHashesRecomputeOffline() throws Exception {
        append(AuditEntry.of("ISSUE", "ISSUED").subject("serial-1").detail("nik", "6203015208900001"));
        append(AuditEntry.of("REVOKE", "DONE").subject("serial-1").detail("reason", "keyCompromise"));
        String body = given().auth().oauth2(auditor).get(BASE + "/export").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(body).doesNotContain("6203015208900001").contains("************0001");
        byte[] previous = AuditCodec.genesis();
        for (String line : lines) {
            JsonPath r = JsonPath.from(line);
            byte[] payload = AuditCodec.payload(java.time.Instant.parse(r.getString("occurredAt")), r.getString("actor"),
                    r.getString("actorRole"), r.getString("action"), r.getString("outcome"), r.getString("subject"),
                    r.getString("reference"), r.getString("requestId"), r.getString("detail"));
            byte[] hash = AuditCodec.hash(previous, r.getInt("lane"), r.getLong("seq"), payload);
            assertThat(java.util.HexFormat.of().formatHex(hash)).isEqualTo(r.getString("hash"));
            previous = hash;
        }
    }

    @Test
    void aVerificationBodyIsReadByTheStrictRulesOfEveryOtherBody() {
        given().auth().oauth2(auditor).contentType("application/json").header("Accept-Language", "en")
                .body("{\"checkpoints\":[],\"checkpoints\":[]}").post(BASE + "/verification")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-request"))
                .body("fieldErrors[0].field", equalTo("checkpoints")).body("fieldErrors[0].code", equalTo("duplicate-field"));
        given().auth().oauth2(auditor).contentType("application/json")
                .body("{\"checkpoints\":[{\"statement\":\"a\\u0000b\",\"signature\":\"x\"}]}").post(BASE + "/verification")
                .then().statusCode(422).contentType("application/problem+json").body("fieldErrors[0].code", equalTo("control-character"));
        given().auth().oauth2(auditor).contentType("application/json").body("{\"checkpoint\":[]}").post(BASE + "/verification")
                .then().statusCode(400).body("fieldErrors[0].code", equalTo("unknown-field"));
    }

    @Test
    void verificationNamesWhatWasChangedAndOpensslAcceptsTheCheckpoint() throws Exception {
        append(AuditEntry.of("ISSUE", "ISSUED").subject("serial-1"));
        append(AuditEntry.of("ISSUE", "ISSUED").subject("serial-2"));
        checkpoints.sign().orElseThrow();
        given().auth().oauth2(auditor).post(BASE + "/verification").then().statusCode(200).body("intact", equalTo(true))
                .body("records", equalTo(2)).body("checkpointsVerified", equalTo(1));

        Map<String, Object> cp = given().auth().oauth2(auditor).get(BASE + "/checkpoints").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        String pem = given().auth().oauth2(auditor).get(BASE + "/keys").then().statusCode(200).body("algorithm", equalTo("Ed25519"))
                .extract().path("pem");
        Path dir = Files.createTempDirectory("checkpoint");
        Files.writeString(dir.resolve("statement.txt"), (String) cp.get("statement"), StandardCharsets.UTF_8);
        Files.write(dir.resolve("signature.bin"), Base64.getDecoder().decode((String) cp.get("signature")));
        Files.writeString(dir.resolve("key.pem"), pem);
        assertThat(verifyWithOpenssl(dir)).contains("Signature Verified Successfully");
        Files.writeString(dir.resolve("statement.txt"), ((String) cp.get("statement")).replace("seq 2", "seq 1"));
        assertThat(verifyWithOpenssl(dir)).contains("Signature Verification Failure");

        tamper.sql("UPDATE audit_record SET subject = 'serial-9' WHERE seq = 2");
        given().auth().oauth2(auditor).contentType("application/json")
                .body(Map.of("checkpoints", List.of(Map.of("statement", cp.get("statement"), "signature", cp.get("signature")))))
                .post(BASE + "/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("findings.kind", equalTo(List.of("CHANGED"))).body("findings[0].seq", equalTo(2));
    }

    private void append(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> trail.append(entry));
    }

    private static String verifyWithOpenssl(Path dir) {
        return Openssl.run("pkeyutl", "-verify", "-pubin", "-inkey", dir.resolve("key.pem").toString(), "-rawin",
                "-in", dir.resolve("statement.txt").toString(), "-sigfile", dir.resolve("signature.bin").toString()).output();
    }
}

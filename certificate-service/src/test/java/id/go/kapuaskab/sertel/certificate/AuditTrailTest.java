package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.audit.Checkpoints;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.AuditTampering;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CA's decisions in its tamper-evident trail, as an auditor reads and verifies it: issuance (one record),
 * suspension, resumption, revocation; the checkpoint signed by the CA's own audit key and checked by openssl against
 * our root; and a record edited, one deleted and the table truncated with SQL, each named by the verification.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit/certificate";

    @Inject
    Checkpoints checkpoints;

    private final String auditor = TestTokens.auditor(UUID.randomUUID());

    @Test
    void everyDecisionOfTheCaIsInTheTrailWithWhoDidIt() {
        Issue issue = Issue.withCsr(Csrs.p256());
        String serial = issue.post().then().statusCode(201).extract().path("serial");
        UUID adminId = UUID.randomUUID();
        String admin = TestTokens.admin(adminId);
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/suspend").then().statusCode(200);
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/resume").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "keyCompromise"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(200);

        JsonPath page = given().auth().oauth2(auditor).queryParam("subject", serial).get(AUDIT + "/records").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.action")).containsExactly("ISSUE", "SUSPEND", "RESUME", "REVOKE");
        assertThat(page.getList("items.outcome")).containsExactly("ISSUED", "DONE", "DONE", "DONE");
        assertThat(page.getList("items.actor")).containsExactly("renewal-service", adminId.toString(), adminId.toString(), adminId.toString());
        assertThat(page.getString("items[0].actorRole")).isEqualTo("RENEWAL_SERVICE");
        assertThat(page.getString("items[0].detail")).contains("holder " + issue.holderId(), "profile ", "key ", "ca ", "notAfter ");
        assertThat(page.getString("items[3].detail")).contains("keyCompromise");
        assertThat(page.getList("items.reference")).startsWith(issue.requestId());
        given().auth().oauth2(auditor).queryParam("actor", adminId.toString()).get(AUDIT + "/records").then()
                .body("items.action", equalTo(List.of("SUSPEND", "RESUME", "REVOKE")));
    }

    @Test
    void onlyAuditorsReadIt() {
        given().get(AUDIT + "/records").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.wrongIssuer("AUDITOR")).get(AUDIT + "/records").then().statusCode(401);
        for (String token : List.of(TestTokens.admin(UUID.randomUUID()), Issue.renewalToken(), TestTokens.verifier(UUID.randomUUID()))) {
            given().auth().oauth2(token).get(AUDIT + "/records").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).post(AUDIT + "/verification").then().statusCode(403);
        }
    }

    @Test
    void theCaSignsCheckpointsWithAKeyItsRootCertifiesAndOpensslChecksThem() {
        Issue.withCsr(Csrs.p256()).post().then().statusCode(201);
        checkpoints.sign().orElseThrow();
        Map<String, Object> checkpoint = given().auth().oauth2(auditor).queryParam("limit", 1).get(AUDIT + "/checkpoints").then()
                .statusCode(200).extract().jsonPath().getMap("[0]");
        JsonPath keys = given().auth().oauth2(auditor).get(AUDIT + "/keys").then().statusCode(200)
                .body("algorithm", equalTo("SHA256withECDSA")).extract().jsonPath();
        List<X509Certificate> chain = Certs.parseAll(keys.getString("pem"));
        assertThat(chain).hasSize(3);
        assertThat(chain.get(0).getSubjectX500Principal().getName()).contains("Audit");
        assertThat(chain.get(0).getIssuerX500Principal()).isEqualTo(chain.get(1).getSubjectX500Principal());

        Path audit = Openssl.file("audit-cert", Certs.pem(chain.get(0)));
        Path issuing = Openssl.file("issuing", Certs.pem(chain.get(1)));
        Path root = Openssl.file("root", Certs.pem(chain.get(2)));
        Openssl.Result verified = Openssl.run("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), audit.toString());
        assertThat(verified.output()).contains(": OK");
        Path publicKey = Openssl.file("audit-key", "");
        assertThat(Openssl.run("x509", "-in", audit.toString(), "-pubkey", "-noout", "-out", publicKey.toString()).exit()).isZero();
        Path statement = Openssl.file("statement", (String) checkpoint.get("statement"));
        Path signature = Openssl.file("signature", Base64.getDecoder().decode((String) checkpoint.get("signature")));
        Openssl.Result dgst = Openssl.run("dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(),
                statement.toString());
        assertThat(dgst.output()).contains("Verified OK");
    }

    @Test
    void aRecordEditedOneDeletedAndTheTableTruncatedWithSqlAreEachNamed() {
        AuditTampering tampering = new AuditTampering("sertel_certificate", AUDIT);
        String first = Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial");
        String second = Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial");
        tampering.editDeleteTruncateAndExpectEachNamed(tampering.records(first).getMap("items[0]"),
                tampering.records(second).getMap("items[0]"));
    }
}

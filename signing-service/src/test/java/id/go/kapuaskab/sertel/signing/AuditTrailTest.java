package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.AuditTampering;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every signature and every event of a kept key land in the tamper-evident trail; an edited, a deleted record and a
 * truncated table are each named by the verification.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit/signing";

    private final AuditTampering tampering = new AuditTampering("sertel_signing", AUDIT);

    @Test
    void keysAndSignaturesAreInTheTrailWithoutPassphrases() {
        Holders.Holder holder = Holders.certified(UUID.randomUUID(), "Siti Aminah");
        Sign.post(holder.token(), Pdfs.letter(), "not the passphrase", null, null).then().statusCode(422);
        Sign.ok(holder.token(), Pdfs.letter(), Holders.PASSPHRASE);

        JsonPath key = tampering.records(holder.keyId().toString());
        assertThat(key.getList("items.action")).containsOnly("SIGNING_KEY");
        assertThat(key.getList("items.outcome")).containsExactly("CREATED", "CERTIFICATE_BOUND", "WRONG_PASSPHRASE");
        assertThat(key.getString("items[0].actor")).isEqualTo("renewal-service");
        JsonPath signatures = given().auth().oauth2(tampering.auditorToken()).queryParam("action", "SIGNATURE")
                .queryParam("subject", holder.id().toString()).get(AUDIT + "/records").then().statusCode(200).extract().jsonPath();
        assertThat(signatures.getList("items")).hasSize(1);
        assertThat(signatures.getString("items[0].actor")).isEqualTo(holder.id().toString());
        assertThat(signatures.getString("items[0].detail")).contains("documentSha256", "certificateSerial", holder.serial())
                .doesNotContain(Holders.PASSPHRASE);
        String export = given().auth().oauth2(tampering.auditorToken()).get(AUDIT + "/export").then().statusCode(200).extract().asString();
        assertThat(export).contains(holder.keyId().toString()).doesNotContain(Holders.PASSPHRASE).doesNotContain("not the passphrase");
    }

    @Test
    void onlyAuditorsReadIt() {
        given().get(AUDIT + "/records").then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(TestTokens.admin(UUID.randomUUID()), TestTokens.verifier(UUID.randomUUID()), Holders.renewalToken())) {
            given().auth().oauth2(token).get(AUDIT + "/records").then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void anEditedADeletedRecordAndATruncatedTableAreEachNamed() {
        Holders.Holder holder = Holders.certified(UUID.randomUUID(), "Rina Wati");
        JsonPath key = tampering.records(holder.keyId().toString());
        tampering.editDeleteTruncateAndExpectEachNamed(key.getMap("items[1]"), key.getMap("items[0]"));
    }
}

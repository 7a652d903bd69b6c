package id.go.kapuaskab.sertel.certificate;

import id.go.kapuaskab.sertel.testsupport.Openssl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/** Our RFC 3161 TSA as stock clients see it: requests made and tokens verified by {@code openssl ts}. */
@QuarkusTest
class TsaTest {

    private static final String POLICY = "2.25.238516240915329126960366284802779622743";

    @Inject
    Db db;

    @Test
    void opensslVerifiesOurTokenWithPolicyAccuracyAndNonce() throws Exception {
        Path data = Openssl.file("document", "Surat Keputusan Bupati Kapuas");
        Path query = Openssl.file("query", "");
        assertThat(Openssl.run("ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", query.toString()).exit()).isZero();
        Path reply = Openssl.file("reply", stamp(Files.readAllBytes(query)));
        Path chain = Openssl.file("chain", given().get("/pki/ca/chain.pem").then().statusCode(200).extract().asString());
        Path tsa = Openssl.file("tsa", given().get("/pki/tsa/certificate.pem").then().statusCode(200).extract().asString());

        Openssl.Result verify = Openssl.run("ts", "-verify", "-in", reply.toString(), "-queryfile", query.toString(),
                "-CAfile", chain.toString(), "-untrusted", tsa.toString());
        assertThat(verify.output()).contains("Verification: OK");
        assertThat(verify.exit()).isZero();
        Openssl.Result text = Openssl.run("ts", "-reply", "-in", reply.toString(), "-text");
        assertThat(text.output()).contains("Status: Granted.", "Policy OID: " + POLICY, "Accuracy: 0x01 seconds")
                .containsPattern("Nonce: 0x[0-9A-F]+");
        Openssl.Result dataVerify = Openssl.run("ts", "-verify", "-in", reply.toString(), "-data", data.toString(),
                "-CAfile", chain.toString(), "-untrusted", tsa.toString());
        assertThat(dataVerify.output()).contains("Verification: OK");
    }

    @Test
    void theTsaCertificateIsForTimeStampingOnlyAndIssuedByOurIssuingCa() throws Exception {
        X509Certificate tsa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(given().get("/pki/tsa/certificate.pem").then().statusCode(200).extract().asByteArray()));
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37", "2.5.29.15");
        assertThat(tsa.getIssuerX500Principal().getName()).contains("Issuing CA");
        assertThat(tsa.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void everyTokenHasItsOwnSerialAndIsRecordedAndAudited() throws Exception {
        Path data = Openssl.file("document", "Nota Dinas");
        Path query = Openssl.file("query", "");
        Openssl.run("ts", "-query", "-data", data.toString(), "-sha384", "-no_nonce", "-out", query.toString());
        byte[] request = Files.readAllBytes(query);
        TimeStampToken first = new TimeStampResponse(stamp(request)).getTimeStampToken();
        TimeStampToken second = new TimeStampResponse(stamp(request)).getTimeStampToken();

        assertThat(first.getTimeStampInfo().getSerialNumber()).isNotEqualTo(second.getTimeStampInfo().getSerialNumber());
        assertThat(first.getCertificates().getMatches(null)).as("no certReq: no certificates").isEmpty();
        for (TimeStampToken t : new TimeStampToken[] {first, second}) {
            String serial = t.getTimeStampInfo().getSerialNumber().toString(16);
            assertThat(db.count("SELECT count(*) FROM timestamp_token WHERE serial = ? AND policy_oid = ?", serial, POLICY)).isOne();
            assertThat(db.count("SELECT count(*) FROM audit_record WHERE action = 'TIMESTAMP' AND outcome = 'GRANTED' AND subject = ?", serial))
                    .isOne();
        }
    }

    @Test
    void refusesGarbageAndWeakHashesWithATimeStampRespNotAnHttpError() throws Exception {
        TimeStampResponse garbage = new TimeStampResponse(stamp("not a request".getBytes()));
        assertThat(garbage.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(garbage.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);

        Path data = Openssl.file("document", "x");
        Path query = Openssl.file("query", "");
        Openssl.run("ts", "-query", "-data", data.toString(), "-sha1", "-out", query.toString());
        TimeStampResponse sha1 = new TimeStampResponse(stamp(Files.readAllBytes(query)));
        assertThat(sha1.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(sha1.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);

        Openssl.run("ts", "-query", "-data", data.toString(), "-sha256", "-tspolicy", "1.2.3.4", "-out", query.toString());
        TimeStampResponse policy = new TimeStampResponse(stamp(Files.readAllBytes(query)));
        assertThat(policy.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
    }

    @Test
    void anotherContentTypeIs415ProblemJson() {
        given().contentType("application/json").body("{}").post("/pki/tsa").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/unsupported-media-type"));
    }

    private static byte[] stamp(byte[] query) {
        return given().contentType("application/timestamp-query").body(query).post("/pki/tsa")
                .then().statusCode(200).contentType("application/timestamp-reply").extract().asByteArray();
    }
}

package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.certificate.service.CaMetrics;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** The CA's meters as Prometheus scrapes them: issuance by profile and result, OCSP answers by status, CRL times, CA expiry. */
@QuarkusTest
class MetricsTest {

    @Inject
    CaMetrics metrics;

    @Test
    void issuanceIsCountedByProfileAndResult() {
        Map<String, String> issued = Map.of("profile", "document-signing", "result", "issued");
        Map<String, String> refused = Map.of("profile", "document-signing", "result", "refused");
        Map<String, String> replayed = Map.of("profile", "document-signing", "result", "replayed");
        PrometheusScrape before = scrape();
        Issue issue = Issue.withCsr(Csrs.p256());
        issue.post().then().statusCode(201);
        issue.post().then().statusCode(200);
        Issue.withCsr("not a csr").post().then().statusCode(400);
        String unknownProfile = "no-such-profile-" + System.nanoTime();
        Issue.withCsr(Csrs.p256()).set("profile", unknownProfile).post().then().statusCode(422);
        PrometheusScrape after = scrape();
        assertThat(delta(before, after, "sertel_certificates_issued_total", issued)).isEqualTo(1);
        assertThat(delta(before, after, "sertel_certificates_issued_total", replayed)).isEqualTo(1);
        assertThat(delta(before, after, "sertel_certificates_issued_total", refused)).isEqualTo(1);
        assertThat(delta(before, after, "sertel_certificates_issued_total", Map.of("profile", "unknown", "result", "refused")))
                .as("a name outside the catalogue never becomes a label value").isEqualTo(1);
        assertThat(after.names()).noneMatch(n -> after.samples(n, Map.of()).stream()
                .anyMatch(s -> s.labels().containsValue(unknownProfile)));
    }

    @Test
    void ocspAnswersAreCountedByStatusCachedOrNot() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        X509Certificate issuer = Certs.parseAll(issued.path("chainPem")).get(0);
        BigInteger serial = new BigInteger(issued.<String>path("serial"), 16);
        PrometheusScrape before = scrape();
        ocsp(issuer, serial);
        ocsp(issuer, serial);                                                       // the second from the cache
        ocsp(issuer, BigInteger.valueOf(123456789L));
        given().contentType("application/ocsp-request").body(new byte[] {0x30, 0x03, 0x01, 0x02}).post("/pki/ocsp").then().statusCode(200);
        PrometheusScrape after = scrape();
        assertThat(delta(before, after, "sertel_ocsp_responses_total", Map.of("status", "good"))).isEqualTo(2);
        assertThat(delta(before, after, "sertel_ocsp_responses_total", Map.of("status", "unknown"))).isEqualTo(1);
        assertThat(delta(before, after, "sertel_ocsp_responses_total", Map.of("status", "malformed"))).isEqualTo(1);
    }

    @Test
    void crlTimesAndCaExpiryAreExported() {
        given().get("/pki/crl/sertel-issuing-ca.crl").then().statusCode(200);
        metrics.refreshCrlTimes();
        PrometheusScrape s = scrape();
        double nextUpdate = s.value("sertel_crl_next_update_seconds", Map.of("ca", "sertel-issuing-ca"));
        double age = s.value("sertel_crl_age_seconds", Map.of("ca", "sertel-issuing-ca"));
        assertThat(nextUpdate).isPositive().isLessThanOrEqualTo(24 * 3600);
        assertThat(age).isNotNegative().isLessThan(24 * 3600);
        assertThat(s.value("sertel_ca_certificate_expiry_days", Map.of("key", "root"))).isGreaterThan(7000);
        assertThat(s.value("sertel_ca_certificate_expiry_days", Map.of("key", "issuing"))).isGreaterThan(3000);
        assertThat(s.value("sertel_ca_certificate_expiry_days", Map.of("key", "tsa"))).isGreaterThan(1000);
        assertThat(s.value("sertel_ca_certificate_expiry_days", Map.of("key", "audit"))).isGreaterThan(1000);
    }

    static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static void ocsp(X509Certificate issuer, BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.getEncoded()), serial);
        given().contentType("application/ocsp-request").body(new OCSPReqBuilder().addRequest(id).build().getEncoded())
                .post("/pki/ocsp").then().statusCode(200);
    }
}

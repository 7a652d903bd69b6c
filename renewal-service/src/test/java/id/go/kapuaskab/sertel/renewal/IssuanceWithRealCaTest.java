package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.renewal.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over to the real certificate-service: renewal end to end, outages, replays, server-generated keys. */
@QuarkusTest
class IssuanceWithRealCaTest {

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void renewsFromSubmissionToACertificateThatOpensslVerifies() {
        Flow.Person applicant = Flow.applicant();
        Openssl.Csr oldKey = Openssl.newCsr();
        String oldSerial = Flow.firstCertificate(applicant, oldKey.pem());
        Instant notAfter = Instant.parse(Ca.certificate(oldSerial).getString("notAfter"));
        MutableClock.INSTANCE.set(notAfter.minus(Duration.ofDays(10)));

        // a renewal with a key the CA has certified before is refused at submission, with the CA's problem
        String id = Flow.createCsrRequest(applicant, "RENEWAL", oldKey.pem());
        Flow.post(applicant.token(), Flow.REQUESTS + "/" + id + "/submit", null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/csr.key-reused"));

        given(applicant).body(Map.of("csr", Openssl.newCsr().pem())).put(Flow.REQUESTS + "/" + id).then().statusCode(200);
        Flow.throughReview(applicant, id);
        JsonPath done = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));
        String newSerial = done.getString("request.issuedSerial");
        assertThat(newSerial).isNotEqualTo(oldSerial);
        assertThat(done.getString("request.certificateSerial")).isEqualTo(oldSerial);

        Openssl.Result verify = Ca.verify(Ca.certificatePem(applicant, newSerial));
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("OK");
        assertThat(Ca.certificate(oldSerial).getString("status")).isEqualTo("SUPERSEDED");
        assertThat(Ca.certificate(newSerial).getString("predecessorSerial")).isEqualTo(oldSerial);
    }

    private static io.restassured.specification.RequestSpecification given(Flow.Person p) {
        return io.restassured.RestAssured.given().auth().oauth2(p.token()).contentType("application/json");
    }
}

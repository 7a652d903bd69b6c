package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guards of each request type, checked against the real CA's inventory and the applicant's current data. */
@QuarkusTest
class GuardsTest {

    private static final String R = Flow.REQUESTS + "/";
    private static final String P = "https://sertel.kapuaskab.go.id/problems/";

    @Inject
    RequestRepository requests;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
        FakeApplicants.setDown(false);
    }

    private static void refused(Flow.Person p, Map<String, Object> body, int status, String code) {
        Flow.post(p.token(), Flow.REQUESTS, body).then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(P + code));
    }

    @Test
    void issuanceNeedsAnActiveApplicantWithoutAnActiveCertificate() {
        Flow.Person inactive = Flow.applicant();
        FakeApplicants.update(inactive.id(), "status", "DISABLED");
        refused(inactive, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()), 422, "request.applicant-not-active");

        UUID unknown = UUID.randomUUID();
        Flow.Person stranger = new Flow.Person(unknown, UUID.randomUUID(), TestTokens.applicant(unknown, UUID.randomUUID()), null);
        refused(stranger, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()), 422, "request.applicant-unknown");

        Flow.Person holder = Flow.applicant();
        Flow.firstCertificate(holder);
        refused(holder, Map.of("type", "ISSUANCE", "csr", holder.newCsr()), 422, "request.active-certificate-exists");
    }

    @Test
    void exactlyOneKeySourceForIssuanceAndRenewalAndNoneForRevocation() {
        Flow.Person p = Flow.applicant();
        refused(p, Map.of("type", "ISSUANCE"), 422, "request.key-source");
        refused(p, Map.of("type", "ISSUANCE", "csr", p.newCsr(), "keyGeneration", Map.of()), 422, "request.key-source");
        refused(p, Map.of("type", "REVOCATION", "csr", "x", "certificateSerial", "ab", "reason", "keyCompromise"), 422,
                "request.key-source-not-allowed");
        Flow.post(p.token(), Flow.REQUESTS, Map.of("type", "REVOCATION", "reason", "keyCompromise")).then().statusCode(422)
                .body("fieldErrors.field", contains("certificateSerial")).body("fieldErrors[0].code", equalTo("required"));
        Flow.post(p.token(), Flow.REQUESTS, Map.of("type", "REVOCATION", "certificateSerial", "ab")).then().statusCode(422)
                .body("fieldErrors.field", contains("reason"));
        Flow.post(p.token(), Flow.REQUESTS, Map.of("type", "REVOCATION", "certificateSerial", "ab", "reason", "certificateHold"))
                .then().statusCode(400).body("type", equalTo(P + "malformed-request")).body("fieldErrors[0].field", equalTo("reason"));
        Flow.post(p.token(), Flow.REQUESTS, Map.of("type", "ISSUANCE", "keyGeneration", Map.of("keyType", "DSA_1024"))).then()
                .statusCode(422).body("fieldErrors[0].field", equalTo("keyGeneration.keyType"));
    }

    @Test
    void renewalOnlyInsideTheWindowOrTheGracePeriod() {
        Flow.Person p = Flow.applicant();
        refused(p, Map.of("type", "RENEWAL", "csr", p.newCsr()), 422, "request.no-renewable-certificate");
        String serial = Flow.firstCertificate(p);
        Instant notAfter = Instant.parse(Ca.certificate(serial).getString("notAfter"));
        Map<String, Object> renewal = Map.of("type", "RENEWAL", "keyGeneration", Map.of());

        refused(p, renewal, 422, "request.no-renewable-certificate");                 // two years ahead: too early
        MutableClock.INSTANCE.set(notAfter.minus(Duration.ofDays(31)));
        refused(p, renewal, 422, "request.no-renewable-certificate");                 // a day before the window opens
        MutableClock.INSTANCE.set(notAfter.plus(Duration.ofDays(31)));
        refused(p, renewal, 422, "request.no-renewable-certificate");                 // a day after the grace period

        MutableClock.INSTANCE.set(notAfter.plus(Duration.ofDays(29)));               // expired, within the grace period
        String id = Flow.create(p, renewal);
        Flow.post(p.token(), R + id + "/cancel", null).then().statusCode(200);
        MutableClock.INSTANCE.set(notAfter.minus(Duration.ofDays(29)));              // within the window
        String open = Flow.create(p, renewal);
        assertThat(Flow.detail(open).getString("request.certificateSerial")).isEqualTo(serial);
    }

    @Test
    void renewalIsSubmittedOnlyWithTheCurrentDataConfirmedAndNoDataChangeOpen() {
        Flow.Person p = Flow.applicant();
        String serial = Flow.firstCertificate(p);
        MutableClock.INSTANCE.set(Instant.parse(Ca.certificate(serial).getString("notAfter")).minus(Duration.ofDays(5)));
        String id = Flow.createCsrRequest(p, "RENEWAL", p.newCsr());

        FakeApplicants.update(p.id(), "openDataChange", true);                       // SOP step 4 under way
        Flow.post(p.token(), R + id + "/submit", null).then().statusCode(409).body("type", equalTo(P + "request.data-change-open"));
        FakeApplicants.update(p.id(), "openDataChange", false);
        FakeApplicants.changeSubject(p.id(), "unitName", "Bidang Statistik");        // approved, but not confirmed (step 3)
        Flow.post(p.token(), R + id + "/submit", null).then().statusCode(422).body("type", equalTo(P + "request.data-not-confirmed"));
        FakeApplicants.confirm(p.id());
        Flow.submit(p, id);
        assertThat(Flow.detail(id).getString("snapshot.unitName")).isEqualTo("Bidang Statistik");
        assertThat(Flow.detail(id).getInt("snapshot.dataVersion")).isEqualTo(2);
    }

    @Test
    void revocationNeedsAnActiveOrSuspendedCertificateOfTheApplicant() {
        Flow.Person p = Flow.applicant();
        String serial = Flow.firstCertificate(p);
        Flow.Person other = Flow.applicant();
        refused(other, Map.of("type", "REVOCATION", "certificateSerial", serial, "reason", "keyCompromise"), 422,
                "request.certificate-not-revocable");
        Ca.suspend(serial);
        String id = Flow.create(p, Map.of("type", "REVOCATION", "certificateSerial", serial.toUpperCase(), "reason", "affiliationChanged"));
        assertThat(Flow.detail(id).getString("request.revocationReason")).isEqualTo("affiliationChanged");
        assertThat(Flow.detail(id).getString("request.certificateSerial")).isEqualTo(serial);
    }

    @Test
    void oneOpenRequestPerApplicantAndTypeAlsoInTheDatabase() {
        Flow.Person p = Flow.applicant();
        String id = Flow.create(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        refused(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()), 409, "request.already-open");

        CertificateRequest twin = new CertificateRequest();
        twin.id = UUID.randomUUID();
        twin.type = RequestType.ISSUANCE;
        twin.state = RequestState.SUBMITTED;
        twin.applicantId = p.id();
        twin.institutionId = p.institution();
        twin.createdAt = Instant.now();
        twin.updatedAt = twin.createdAt;
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> requests.persistAndFlush(twin)))
                .hasStackTraceContaining("request_one_open_per_type");

        Flow.post(p.token(), R + id + "/cancel", null).then().statusCode(200);
        Flow.create(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
    }

    @Test
    void approvalIsRefusedWhenTheSubjectChangedWhileOpenAndTheVerifierSeesWhat() {
        Flow.Person p = Flow.applicant();
        String id = Flow.create(p, Map.of("type", "ISSUANCE", "csr", p.newCsr()));
        Flow.submit(p, id);
        Flow.Person a = Flow.verifier(p.institution());
        Flow.claim(a, id);
        Flow.recordChecks(a, id);
        FakeApplicants.changeSubject(p.id(), "fullName", "Budi Santoso Wijaya");

        Flow.Person b = Flow.verifier(p.institution());
        Flow.get(b.token(), R + id).then().statusCode(200)
                .body("differences", contains("FULL_NAME"))
                .body("current.fullName", equalTo("Budi Santoso Wijaya"))
                .body("snapshot.fullName", org.hamcrest.Matchers.not(equalTo("Budi Santoso Wijaya")));
        Flow.approve(b, id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(P + "request.subject-changed")).body("differences", contains("FULL_NAME"));
        Flow.post(b.token(), R + id + "/return", Map.of("reason", "your name changed; confirm and submit again")).then().statusCode(200);

        FakeApplicants.confirm(p.id());
        Flow.submit(p, id);
        Flow.claim(a, id);
        Flow.approve(b, id).then().statusCode(422).body("type", equalTo(P + "request.checks-incomplete"));  // evidence is per submission
        Flow.recordChecks(a, id);
        Flow.approve(b, id).then().statusCode(200).body("state", equalTo("ISSUING"));
    }

    @Test
    void anUnreachableApplicantServiceLeavesTheRequestAsItWas() {
        Flow.Person p = Flow.applicant();
        String id = Flow.create(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        FakeApplicants.setDown(true);
        Flow.post(p.token(), R + id + "/submit", null).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo(P + "request.applicant-service-unavailable"));
        FakeApplicants.setDown(false);
        assertThat(Flow.detail(id).getString("request.state")).isEqualTo("DRAFT");
    }
}
